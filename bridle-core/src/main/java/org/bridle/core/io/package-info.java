/** Reading evidence safely: read-only SQLite, property lists, keyed archives, Apple time stamps, scratch space. */
package org.bridle.core.io;
