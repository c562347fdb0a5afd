package dev.eaw.insights.csv;

import java.util.List;

/** One CSV record and the line of the file it starts on (1-based), for error messages. */
public record CsvRecord(long line, List<String> fields) {
}
