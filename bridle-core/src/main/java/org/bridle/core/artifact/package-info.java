/** The contract of an artifact: one kind of device file, parsed into typed entries. */
package org.bridle.core.artifact;
