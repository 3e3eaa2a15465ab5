package org.bridle.core.model;

/**
 * The indicator that an observable matched, in the shape MVT writes into {@code alerts.json}.
 *
 * @param value the indicator's value as published
 * @param type the indicator's kind, such as {@code domain-name:value}
 * @param name the family (malware or report) the indicator belongs to
 * @param stix2FileName the file name of the feed the indicator came from
 */
public record MatchedIndicator(String value, String type, String name, String stix2FileName) {
}
