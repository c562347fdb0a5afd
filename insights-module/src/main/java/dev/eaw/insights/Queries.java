package dev.eaw.insights;

/**
 * Running SQL from the workbench: one SELECT (or WITH/VALUES) over the datasets, with the AI and time-series
 * functions, as a role that can only read the datasets, with a timeout and a row cap. Anything else is refused with
 * an {@link dev.eaw.kernel.InvalidInput} saying why.
 */
public interface Queries {

	QueryResult run(String sql, String user);

}
