package org.bridle.report;

import java.util.List;

/**
 * What {@code info.json} says about the run besides the scan itself.
 *
 * @param version bridle's version
 * @param command the command that ran, such as {@code ios check-backup}
 * @param input the evidence path as given
 * @param indicatorFiles the indicator files loaded
 * @param sourceNotes what the evidence source said about itself, such as archive entries it skipped
 */
public record RunInfo(String version, String command, String input, List<IndicatorFile> indicatorFiles,
                      List<String> sourceNotes) {

    /**
     * An indicator file used for the run.
     *
     * @param name its file name, as alerts cite it
     * @param path where it was loaded from ({@code builtin:…} for a built-in feed)
     * @param sha256 the SHA-256 of its content
     * @param indicators how many indicators it gave
     * @param unusable how many of its objects could not be used as indicators
     */
    public record IndicatorFile(String name, String path, String sha256, long indicators, long unusable) {
    }

    /**
     * The SHA-256 of one evidence file.
     *
     * @param filePath the file's path on the device
     * @param origin where it is in the evidence
     * @param sha256 the digest of its content
     */
    public record FileHash(String filePath, String origin, String sha256) {
    }
}
