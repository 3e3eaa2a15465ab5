/** Splitting dumpstate and dumpsys output into the sections that answer {@code @dumpsys/} and {@code @command/}. */
package org.bridle.android.dumpsys;
