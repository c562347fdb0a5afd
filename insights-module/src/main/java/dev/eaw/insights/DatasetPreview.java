package dev.eaw.insights;

import java.util.List;

/** The first rows of a dataset and statistics per column. */
public record DatasetPreview(Dataset dataset, List<List<Object>> rows, List<ColumnStats> stats) {
}
