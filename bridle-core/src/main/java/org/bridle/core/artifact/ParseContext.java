package org.bridle.core.artifact;

import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.source.Source;

/**
 * What an artifact may use while it parses besides the file itself.
 *
 * @param source the evidence being checked, for artifacts that look up related files
 * @param scratch a private folder for copies the parse needs (such as a database with its WAL)
 */
public record ParseContext(Source source, ScratchDirectory scratch) {
}
