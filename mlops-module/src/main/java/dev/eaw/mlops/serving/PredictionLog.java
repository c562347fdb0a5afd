package dev.eaw.mlops.serving;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.eaw.mlops.ModelSignature.Input;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sampled prediction log in {@code mlops.prediction_log}: every row of the first {@code rowsPerMinute} rows of a
 * version each minute, then a share {@code rate} of the rest (so a demo's few requests are all kept and heavy traffic
 * costs little). Rows wait in a bounded queue and a background thread writes them in batches; when the queue is full
 * they are dropped and counted ({@code eaw.serving.log.dropped}), so the request path never waits for the database.
 */
final class PredictionLog implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PredictionLog.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int BATCH = 500;

	private final JdbcTemplate jdbc;

	private final int rowsPerMinute;

	private final double rate;

	private final BlockingQueue<Entry> queue;

	private final Map<String, long[]> minutes = new ConcurrentHashMap<>();

	private final Counter dropped;

	private final AtomicLong offered = new AtomicLong();

	private final AtomicLong done = new AtomicLong();

	private final Thread writer;

	private volatile boolean running = true;

	/** One logged row; serialised to JSON on the writer thread. */
	private record Entry(String model, String version, long time, List<Input> inputs, @Nullable Object[] values,
			Object prediction) {
	}

	PredictionLog(JdbcTemplate jdbc, MeterRegistry meters, int rowsPerMinute, double rate, int capacity) {
		this.jdbc = jdbc;
		this.rowsPerMinute = rowsPerMinute;
		this.rate = rate;
		this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
		this.dropped = Counter.builder("eaw.serving.log.dropped")
			.description("Prediction log rows dropped because the queue was full")
			.register(meters);
		this.writer = new Thread(this::write, "prediction-log");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/** Offers the sampled rows of one request; never blocks. */
	void offer(ServedVersion served, List<@Nullable Object[]> rows, List<Object> predictions) {
		long now = System.currentTimeMillis();
		long[] minute = minutes.computeIfAbsent(served.model() + '\u0000' + served.version(), k -> new long[2]);
		int full;
		synchronized (minute) {
			if (minute[0] != now / 60_000) {
				minute[0] = now / 60_000;
				minute[1] = 0;
			}
			full = (int) Math.max(0, Math.min(rows.size(), rowsPerMinute - minute[1]));
			minute[1] += full;
		}
		List<Input> inputs = served.signature().inputs();
		for (int r = 0; r < rows.size(); r++) {
			if (r >= full && (rate <= 0 || ThreadLocalRandom.current().nextDouble() >= rate)) {
				continue;
			}
			offered.incrementAndGet();
			if (!queue.offer(new Entry(served.model(), served.version(), now, inputs, rows.get(r), predictions.get(r)))) {
				dropped.increment();
				done.incrementAndGet();
			}
		}
	}

	/** Waits (at most the timeout) until everything offered so far is written, e.g. before measuring drift. */
	void flush(Duration timeout) {
		long target = offered.get();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (done.get() < target && System.nanoTime() < deadline) {
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void write() {
		List<Entry> batch = new ArrayList<>(BATCH);
		while (running || !queue.isEmpty()) {
			try {
				Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, BATCH - 1);
				insert(batch);
			}
			catch (InterruptedException ex) {
				running = false;
			}
			catch (RuntimeException ex) {
				log.warn("Could not write {} prediction log rows: {}", batch.size(), ex.getMessage());
			}
			finally {
				done.addAndGet(batch.size());
				batch.clear();
			}
		}
	}

	private void insert(List<Entry> batch) {
		List<Object[]> args = new ArrayList<>(batch.size());
		for (Entry entry : batch) {
			Map<String, Object> features = new LinkedHashMap<>();
			for (int i = 0; i < entry.inputs().size(); i++) {
				features.put(entry.inputs().get(i).name(), entry.values()[i]);
			}
			args.add(new Object[] { entry.model(), entry.version(), new Timestamp(entry.time()),
					JSON.writeValueAsString(features), JSON.writeValueAsString(entry.prediction()) });
		}
		jdbc.batchUpdate("INSERT INTO mlops.prediction_log (model, version, logged_at, features, prediction) "
				+ "VALUES (?, ?, ?, ?, ?)", args);
	}

	/** The features of the version's latest logged rows, newest first. */
	List<String> latestFeatures(String model, String version, int limit) {
		return jdbc.queryForList("SELECT features FROM mlops.prediction_log WHERE model = ? AND version = ? "
				+ "ORDER BY id DESC LIMIT ?", String.class, model, version, limit);
	}

	/** Forgets a removed model's rows. */
	void forget(String model) {
		jdbc.update("DELETE FROM mlops.prediction_log WHERE model = ?", model);
		minutes.keySet().removeIf(key -> key.startsWith(model + '\u0000'));
	}

	@Override
	public void close() {
		running = false;
		try {
			writer.join(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
