package dev.eaw.insights;

import java.util.List;

/** What the application read from a CSV before loading it: the inferred layout and the first rows as text. */
public record CsvInspection(CsvLayout layout, List<List<String>> sample, long bytes) {
}
