/** Android evidence: the bugreport, the AndroidQF acquisition and the {@code adb backup} file, and their artifacts. */
package org.bridle.android;
