/**
 * Writers of single iOS evidence files (databases and property lists) in the layouts the device uses, each with
 * the backup domain and path where the device keeps it, for tests, the demo command and benchmarks.
 */
package org.bridle.testkit.ios;
