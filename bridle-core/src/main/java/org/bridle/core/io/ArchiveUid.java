package org.bridle.core.io;

/** A reference to another object of an NSKeyedArchiver archive, by its index in {@code $objects}. */
public record ArchiveUid(long index) {
}
