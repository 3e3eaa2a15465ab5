/** The scan engine: runs artifacts over a source, matches indicators, and streams results to a sink. */
package org.bridle.core.scan;
