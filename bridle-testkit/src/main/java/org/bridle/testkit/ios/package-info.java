/**
 * Writers of single iOS evidence files (databases, property lists, Manifest.db file records) in the layouts of real
 * iOS versions, each with the backup domain and path where the device keeps it, for tests, the demo command and
 * benchmarks.
 */
package org.bridle.testkit.ios;
