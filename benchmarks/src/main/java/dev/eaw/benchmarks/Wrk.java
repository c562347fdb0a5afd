package dev.eaw.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What {@code wrk} (Debian package {@code wrk}) reported for one endpoint, and how it is run and read. */
record Wrk(double requestsPerSecond, double p50Ms, double p99Ms, long errors) {

	Row row(String system) {
		return Row.of(system)
			.metric("requests_per_s", requestsPerSecond)
			.metric("p50_ms", p50Ms)
			.metric("p99_ms", p99Ms)
			.metric("errors", errors);
	}

	/** Runs wrk against the URL (POSTing what the script says) and reads its report. */
	static Wrk run(URI url, String auth, Path script, int seconds, int connections, int threads)
			throws IOException, InterruptedException {
		List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
				"-H", "Authorization: " + auth, "-s", script.toString(), url.toString());
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("wrk is not installed (Debian: apt-get install -y wrk)", ex);
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("wrk failed:\n" + output);
		}
		return parse(output);
	}

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

	private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

	private static final Pattern SOCKET = Pattern.compile(
			"Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	/** Requests per second, p50 and p99 (ms) and errors (non-2xx answers and socket errors) from wrk's report. */
	static Wrk parse(String output) {
		Matcher rate = RATE.matcher(output);
		if (!rate.find()) {
			throw new IllegalStateException("no Requests/sec in wrk's output:\n" + output);
		}
		double p50 = Double.NaN;
		double p99 = Double.NaN;
		Matcher percentile = PERCENTILE.matcher(output);
		while (percentile.find()) {
			double value = Double.parseDouble(percentile.group(2));
			double ms = switch (percentile.group(3)) {
				case "us" -> value / 1000;
				case "s" -> value * 1000;
				default -> value;
			};
			if (percentile.group(1).equals("50")) {
				p50 = ms;
			}
			else {
				p99 = ms;
			}
		}
		long errors = 0;
		Matcher non2xx = NON_2XX.matcher(output);
		if (non2xx.find()) {
			errors += Long.parseLong(non2xx.group(1));
		}
		Matcher socket = SOCKET.matcher(output);
		if (socket.find()) {
			for (int g = 1; g <= 4; g++) {
				errors += Long.parseLong(socket.group(g));
			}
		}
		return new Wrk(Double.parseDouble(rate.group(1)), p50, p99, errors);
	}

}
