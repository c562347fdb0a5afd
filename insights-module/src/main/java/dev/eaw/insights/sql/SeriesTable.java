package dev.eaw.insights.sql;

import java.util.List;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/** The rows of a forecast or an anomaly detection, computed when Calcite scans them. */
abstract class SeriesTable extends AbstractTable implements ScannableTable {

	private final SeriesSource source;

	private final boolean anomalies;

	SeriesTable(SeriesSource source, boolean anomalies) {
		this.source = source;
		this.anomalies = anomalies;
	}

	abstract List<Object[]> rows();

	@Override
	public RelDataType getRowType(RelDataTypeFactory types) {
		var builder = types.builder()
			.add("ts", source.isDate() ? SqlTypeName.DATE : SqlTypeName.TIMESTAMP)
			.add("series", SqlTypeName.VARCHAR);
		if (anomalies) {
			builder.add("value", SqlTypeName.DOUBLE).nullable(true)
				.add("expected", SqlTypeName.DOUBLE).nullable(true)
				.add("lower_bound", SqlTypeName.DOUBLE).nullable(true)
				.add("upper_bound", SqlTypeName.DOUBLE).nullable(true)
				.add("is_anomaly", SqlTypeName.BOOLEAN)
				.add("score", SqlTypeName.DOUBLE).nullable(true);
		}
		else {
			builder.add("forecast", SqlTypeName.DOUBLE).nullable(true)
				.add("lower_bound", SqlTypeName.DOUBLE).nullable(true)
				.add("upper_bound", SqlTypeName.DOUBLE).nullable(true)
				.add("model", SqlTypeName.VARCHAR);
		}
		return builder.build();
	}

	@Override
	public Enumerable<Object[]> scan(DataContext root) {
		return Linq4j.asEnumerable(rows());
	}

}
