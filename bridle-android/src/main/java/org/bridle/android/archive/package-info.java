/**
 * Reading evidence containers without extracting them: a folder or an archive seen as a tree of named entries,
 * with hostile entry names skipped and decompressed sizes bounded.
 */
package org.bridle.android.archive;
