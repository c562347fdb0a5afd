package dev.eaw.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar <command> [flags] [--json]}: runs one benchmark and prints a
 * table (ours beside the baselines, one run), or with {@code --json} one JSON array of rows. Data comes from paths
 * given as flags, usually under {@code ../shared/data}. Each module's issue adds its commands to {@link #COMMANDS}.
 */
public final class Benchmarks {

	static final List<BenchmarkCommand> COMMANDS = List.of(new HttpLatency(), new SentimentBenchmark(),
			new SqlAiBenchmark(), new ForecastBenchmark(), new TrackingBenchmark(), new ServingBenchmark(), new RagBenchmark(),
			new AnswerBenchmark(), new AbuseBenchmark());

	private Benchmarks() {
	}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	static int run(String[] args) {
		Map<String, BenchmarkCommand> commands = new TreeMap<>();
		COMMANDS.forEach(command -> commands.put(command.name(), command));
		if (args.length == 0 || !commands.containsKey(args[0])) {
			System.err.println(usage(commands, args.length == 0 ? null : args[0]));
			return args.length == 0 || args[0].equals("help") ? 0 : 2;
		}
		BenchmarkCommand command = commands.get(args[0]);
		try {
			Flags flags = new Flags(Arrays.copyOfRange(args, 1, args.length));
			List<Row> rows = command.run(flags);
			System.out.print(flags.has("json") ? Report.json(rows) + "\n" : Report.table(command.name(), rows));
			return 0;
		}
		catch (IllegalArgumentException ex) {
			System.err.println(command.name() + ": " + ex.getMessage() + "\nusage: " + command.usage());
			return 2;
		}
		catch (Exception ex) {
			System.err.println(command.name() + " failed: " + ex);
			return 1;
		}
	}

	private static String usage(Map<String, BenchmarkCommand> commands, String unknown) {
		StringBuilder text = new StringBuilder();
		if (unknown != null && !unknown.equals("help")) {
			text.append("Unknown command '").append(unknown).append("'.\n");
		}
		text.append("usage: java -jar benchmarks/target/benchmarks.jar <command> [flags] [--json]\n\ncommands:\n");
		commands.values().forEach(c -> text.append("  ").append(c.usage()).append('\n'));
		return text.toString();
	}

}
