package org.bridle.report;

import java.io.IOException;

/** The punctuation of Jackson's default pretty printer between JSON values. */
final class Separators {
    /** After an array's {@code [}, before its first element. */
    static final byte[] FIRST_ELEMENT = Utf8JsonOutput.bytes(" ");
    /** Between two elements of an array. */
    static final byte[] NEXT_ELEMENT = Utf8JsonOutput.bytes(", ");
    /** An array's end: {@code " ]"}, also after {@code [} when it is empty. */
    static final byte[] END_ARRAY = Utf8JsonOutput.bytes(" ]");
    /** Between an object entry's name and its value. */
    static final byte[] NAME_VALUE = Utf8JsonOutput.bytes(" : ");

    private Separators() {
    }

    /** Ends an object that has entries on a line of its own, or an empty one as {@code { }}. */
    static void endObject(Utf8JsonOutput out, boolean hasEntries, int nesting) throws IOException {
        if (hasEntries) {
            out.newLine(nesting);
        } else {
            out.raw((byte) ' ');
        }
        out.raw((byte) '}');
    }
}
