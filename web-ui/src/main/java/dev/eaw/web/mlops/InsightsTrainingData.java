package dev.eaw.web.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.eaw.insights.ColumnType;
import dev.eaw.insights.Dataset;
import dev.eaw.insights.Datasets;
import dev.eaw.kernel.NotFound;
import dev.eaw.mlops.TrainingDataSource;
import dev.eaw.mlops.TrainingTable;

/** Training reads the Insights module's datasets: integer and decimal columns are numeric, everything else text. */
@Component
class InsightsTrainingData implements TrainingDataSource {

	private final Datasets datasets;

	InsightsTrainingData(Datasets datasets) {
		this.datasets = datasets;
	}

	@Override
	public TrainingTable read(String name, int maxRows) {
		Dataset dataset = datasets.find(name)
			.orElseThrow(() -> new NotFound("No dataset '" + name + "'. Load it in Insights first."));
		List<TrainingTable.Column> columns = dataset.columns()
			.stream()
			.map(c -> new TrainingTable.Column(c.name(),
					c.type() == ColumnType.INTEGER || c.type() == ColumnType.DECIMAL))
			.toList();
		List<@Nullable Object[]> rows = datasets.rows(name, maxRows);
		for (@Nullable Object[] row : rows) {
			for (int c = 0; c < row.length; c++) {
				if (row[c] instanceof Number number && !(row[c] instanceof Double)) {
					row[c] = number.doubleValue();
				}
			}
		}
		return new TrainingTable(name, columns, rows);
	}

}
