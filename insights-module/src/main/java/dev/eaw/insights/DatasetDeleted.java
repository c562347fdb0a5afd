package dev.eaw.insights;

/** A dataset and its table were removed. */
public record DatasetDeleted(String name, String user) {
}
