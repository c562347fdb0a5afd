package dev.eaw.mlops;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Serving registered models: predictions for rows of input columns from a version named by number, alias or
 * {@code latest} (ONNX models through ONNX Runtime, the others through Tribuo), or from the version a model's
 * {@link TrafficRoute traffic split} picks; each request is validated against the version's {@link ModelSignature}
 * (a 400 {@code InvalidInput} naming the row and column), an unknown model, version or alias is a 404
 * {@code NotFound}. Requests are counted and timed, and a sample of rows is logged for drift.
 */
public interface ModelServing {

	/** The most rows one request may carry. */
	int MAX_ROWS = 10_000;

	/** The version's predictions; {@code requestKey} only names the request (routing uses it, see below). */
	Predictions predict(String model, String versionOrAlias, List<Map<String, Object>> rows,
			@Nullable String requestKey);

	/**
	 * Predictions from the version the model's traffic split picks (the same request key always the same route, no key
	 * a random one); without a split from alias {@code champion}, without that from the latest version.
	 */
	Predictions route(String model, List<Map<String, Object>> rows, @Nullable String requestKey);

	/** The version a number, alias or {@code latest} names now. */
	String resolve(String model, String versionOrAlias);

	/** What the version takes and gives, with an example row (numbers at their mean, text at its first category). */
	ServedSignature signature(String model, String versionOrAlias);

	/** The model's traffic split; empty when it has none. */
	List<TrafficRoute> traffic(String model);

	/** Replaces the split: targets are versions or aliases that exist, percents sum to 100; empty removes it. */
	List<TrafficRoute> setTraffic(String model, List<TrafficRoute> routes);

	ServingStats stats(String model, String versionOrAlias);

	/** Population stability of each input between training and the last logged rows. */
	DriftReport drift(String model, String versionOrAlias);

}
