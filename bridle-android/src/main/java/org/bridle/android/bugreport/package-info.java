/** The {@code adb bugreport} zip or its unpacked folder as a source. */
package org.bridle.android.bugreport;
