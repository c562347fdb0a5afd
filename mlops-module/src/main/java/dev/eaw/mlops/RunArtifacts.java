package dev.eaw.mlops;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A run's artifacts as its page shows them: the tree under the run's proxy path with download links, and the
 * evaluation files the trainers write ({@code evaluation/confusion_matrix.json},
 * {@code evaluation/feature_importance.json}) read for the pictures.
 */
public interface RunArtifacts {

	/** The scheme of artifact URIs kept by this server's artifact proxy, as MLflow writes them. */
	String PROXY_SCHEME = "mlflow-artifacts:/";

	/** Where the proxy serves a file: this prefix and the file's path in the store. */
	String DOWNLOAD = "/api/2.0/mlflow-artifacts/artifacts/";

	String CONFUSION_MATRIX = "evaluation/confusion_matrix.json";

	String FEATURE_IMPORTANCE = "evaluation/feature_importance.json";

	/** One file or directory of the tree; {@code path} is relative to the run's artifact root. */
	record Entry(String path, String name, boolean dir, @Nullable Long size, int depth, String href) {
	}

	/** A confusion matrix: rows are the actual labels, columns the predicted ones; shades from 0 to 1 per cell. */
	record ConfusionMatrix(List<String> labels, List<List<Long>> counts, List<List<Double>> shades) {
	}

	/** The run's path in the proxy store, or null when its artifacts live elsewhere. */
	static @Nullable String root(RunInfo info) {
		String uri = info.artifactUri();
		return uri.startsWith(PROXY_SCHEME) ? uri.substring(PROXY_SCHEME.length()).replaceAll("/+$", "") : null;
	}

	static boolean has(List<Entry> entries, String path) {
		return entries.stream().anyMatch(e -> e.path().equals(path));
	}

	/** The run's artifacts depth first, directories before their contents, at most 500 entries. */
	List<Entry> tree(String root);

	Optional<ConfusionMatrix> confusionMatrix(String root, List<Entry> entries);

	/** The top 20 features as JSON for the chart: {@code {"method": …, "features": [{"name", "importance"}]}}. */
	Optional<String> featureImportance(String root, List<Entry> entries);

}
