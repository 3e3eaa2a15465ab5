/** The {@code adb backup} file ({@code .ab}, plain or encrypted) or its unpacked folder as a source. */
package org.bridle.android.backup;
