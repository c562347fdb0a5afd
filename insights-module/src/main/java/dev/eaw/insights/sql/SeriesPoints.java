package dev.eaw.insights.sql;

import java.time.LocalDateTime;
import java.util.List;

/** One series read from a dataset: its times and values (NaN where a value is missing). */
record SeriesPoints(List<LocalDateTime> ts, double[] values) {
}
