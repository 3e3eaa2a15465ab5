/**
 * Builders of Android evidence for tests: bugreport zips, AndroidQF folders, {@code adb backup} files (plain and
 * encrypted), the telephony provider's message backups and binary XML.
 */
package org.bridle.testkit.android;
