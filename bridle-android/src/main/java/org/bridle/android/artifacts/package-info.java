/** The Android artifacts: one class per kind of device file or command output, whatever source holds it. */
package org.bridle.android.artifacts;
