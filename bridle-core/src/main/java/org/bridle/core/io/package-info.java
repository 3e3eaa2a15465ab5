/**
 * Reading evidence safely: read-only SQLite (through sqlite-jdbc, and a bounds-checked reader of the file format for
 * whole-table scans), property lists, keyed archives, Apple time stamps, scratch space.
 */
package org.bridle.core.io;
