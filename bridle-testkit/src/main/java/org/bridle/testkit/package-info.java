/**
 * A small kit that writes synthetic evidence in real formats (SQLite databases, property lists, iOS backups) for
 * tests, the demo command and benchmarks. Nothing here reads evidence.
 */
package org.bridle.testkit;
