/**
 * Android's binary XML (ABX, magic {@code ABX\0}), in which Android 12 and later store system XML files such as
 * the adb keystore: a small, bounded reader into a tree of elements.
 */
package org.bridle.android.abx;
