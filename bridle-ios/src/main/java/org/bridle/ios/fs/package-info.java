/** The iOS filesystem-dump source: device paths resolved under the dump root, app data through container metadata. */
package org.bridle.ios.fs;
