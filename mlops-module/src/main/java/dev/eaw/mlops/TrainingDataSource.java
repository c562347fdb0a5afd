package dev.eaw.mlops;

/**
 * Where training reads its tables from (the application wires the Insights module's datasets in): an unknown name is
 * a {@link dev.eaw.kernel.NotFound}.
 */
public interface TrainingDataSource {

	/** At most {@code maxRows} rows of the named table, in a stable order. */
	TrainingTable read(String name, int maxRows);

}
