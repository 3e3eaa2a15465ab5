/** Sources: containers of evidence that turn device locations into evidence files. */
package org.bridle.core.source;
