/** iOS artifacts: one class per kind of device file, each declaring its device paths. */
package org.bridle.ios.artifacts;
