/**
 * Writers of the iOS databases and blobs that bridle's iOS artifacts read (sms.db, DataUsage.sqlite, TCC.db,
 * Manifest.db file records), in the layouts of real iOS versions, for tests, the demo command and benchmarks.
 */
package org.bridle.testkit.ios;
