package org.bridle.core.indicators;

import java.util.Objects;

/**
 * Something in an indicator file that could not be used, such as a pattern with an unknown key; the rest of the
 * file still loads.
 *
 * @param file the file name
 * @param objectId the STIX id of the object, or its position ({@code objects[12]}) when it has no id
 * @param reason why it could not be used, as a clause such as {@code has no pattern}
 */
public record Problem(String file, String objectId, String reason) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(reason, "reason");
    }

    /** One line for a person: {@code file: objectId reason}. */
    public String message() {
        return file + ": " + objectId + " " + reason;
    }
}
