/** Helpers for work handed to other threads. */
package org.bridle.core.concurrent;
