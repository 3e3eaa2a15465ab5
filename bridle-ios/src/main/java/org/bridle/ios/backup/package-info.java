/** The iOS backup source: Manifest.db domains mapped to device paths. */
package org.bridle.ios.backup;
