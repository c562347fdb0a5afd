package dev.eaw.benchmarks;

import java.util.List;

/** One command of {@code benchmarks.jar}: measures and returns one row per system compared. */
interface BenchmarkCommand {

	String name();

	/** One line for the usage text, with the command's flags. */
	String usage();

	List<Row> run(Flags flags) throws Exception;

}
