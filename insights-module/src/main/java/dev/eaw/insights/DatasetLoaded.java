package dev.eaw.insights;

/** A CSV was loaded into a new dataset. */
public record DatasetLoaded(String name, long rows, String user) {
}
