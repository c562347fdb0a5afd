package dev.eaw.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** wrk's report as the serving benchmark reads it. */
class ServingBenchmarkTests {

	private static final String REPORT = """
			Running 15s test @ http://localhost:8080/api/mlops/serving/ping
			  2 threads and 32 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency     4.10ms    3.02ms  48.27ms   81.23%
			    Req/Sec     4.12k   412.55     5.01k    70.33%
			  Latency Distribution
			     50%    3.21ms
			     75%    5.02ms
			     90%    7.90ms
			     99%   15.40ms
			  123456 requests in 15.01s, 30.12MB read
			  Socket errors: connect 0, read 2, write 0, timeout 1
			  Non-2xx or 3xx responses: 4
			Requests/sec:   8224.97
			Transfer/sec:      2.01MB
			""";

	@Test
	void readsRatePercentilesAndErrors() {
		Wrk wrk = Wrk.parse(REPORT);
		assertThat(wrk.requestsPerSecond()).isCloseTo(8224.97, within(1e-9));
		assertThat(wrk.p50Ms()).isCloseTo(3.21, within(1e-9));
		assertThat(wrk.p99Ms()).isCloseTo(15.40, within(1e-9));
		assertThat(wrk.errors()).isEqualTo(7);
		assertThat(Wrk.parse(REPORT.replace("3.21ms", "812.00us").replace("15.40ms", "1.20s")).p99Ms())
			.isCloseTo(1200, within(1e-9));
	}

	@Test
	void generatedCustomersHaveBothOutcomes() {
		String csv = ServingBenchmark.csv(200, 1);
		assertThat(csv).startsWith("tenure,usage,plan,churned\n").contains(",left\n", ",stayed\n");
	}

}
