package dev.eaw.web.mlops;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import dev.eaw.mlops.ArtifactFile;
import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.RunInfo;
import dev.eaw.mlops.TrackingError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's artifacts as its page shows them: the tree under the run's proxy path with download links, and the
 * evaluation files the trainers write ({@code evaluation/confusion_matrix.json},
 * {@code evaluation/feature_importance.json}) read for the pictures.
 */
@Component
class RunArtifacts {

	static final String DOWNLOAD = "/api/2.0/mlflow-artifacts/artifacts/";

	static final String CONFUSION_MATRIX = "evaluation/confusion_matrix.json";

	static final String FEATURE_IMPORTANCE = "evaluation/feature_importance.json";

	private static final int MAX_DEPTH = 6;

	private static final int MAX_ENTRIES = 500;

	private static final int TOP_FEATURES = 20;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ArtifactStore store;

	RunArtifacts(ArtifactStore store) {
		this.store = store;
	}

	/** One file or directory of the tree; {@code path} is relative to the run's artifact root. */
	record Entry(String path, String name, boolean dir, @Nullable Long size, int depth, String href) {
	}

	/** A confusion matrix: rows are the actual labels, columns the predicted ones; shades from 0 to 1 per cell. */
	record ConfusionMatrix(List<String> labels, List<List<Long>> counts, List<List<Double>> shades) {
	}

	/** The run's path in the proxy store, or null when its artifacts live elsewhere. */
	static @Nullable String root(RunInfo info) {
		String uri = info.artifactUri();
		return uri.startsWith(MlflowArtifactsController.PROXY_SCHEME)
				? uri.substring(MlflowArtifactsController.PROXY_SCHEME.length()).replaceAll("/+$", "") : null;
	}

	/** The run's artifacts depth first, directories before their contents, at most 500 entries. */
	List<Entry> tree(String root) {
		List<Entry> entries = new ArrayList<>();
		walk(root, "", 0, entries);
		return entries;
	}

	private void walk(String root, String prefix, int depth, List<Entry> entries) {
		List<ArtifactFile> files = new ArrayList<>(store.list(prefix.isEmpty() ? root : root + "/" + prefix));
		files.sort(Comparator.comparing((ArtifactFile f) -> !f.isDir()).thenComparing(ArtifactFile::path));
		for (ArtifactFile file : files) {
			if (entries.size() >= MAX_ENTRIES) {
				return;
			}
			String path = prefix.isEmpty() ? file.path() : prefix + "/" + file.path();
			entries.add(new Entry(path, file.path(), file.isDir(), file.fileSize(), depth,
					DOWNLOAD + UriUtils.encodePath(root + "/" + path, java.nio.charset.StandardCharsets.UTF_8)));
			if (file.isDir() && depth < MAX_DEPTH) {
				walk(root, path, depth + 1, entries);
			}
		}
	}

	static boolean has(List<Entry> entries, String path) {
		return entries.stream().anyMatch(e -> e.path().equals(path));
	}

	Optional<ConfusionMatrix> confusionMatrix(String root, List<Entry> entries) {
		return read(root, entries, CONFUSION_MATRIX).map(json -> {
			List<String> labels = new ArrayList<>();
			json.path("labels").forEach(label -> labels.add(label.asString()));
			List<List<Long>> counts = new ArrayList<>();
			long max = 1;
			for (JsonNode row : json.path("matrix")) {
				List<Long> values = new ArrayList<>();
				row.forEach(cell -> values.add(cell.asLong()));
				max = Math.max(max, values.stream().mapToLong(Long::longValue).max().orElse(0));
				counts.add(values);
			}
			List<List<Double>> shades = new ArrayList<>();
			for (List<Long> row : counts) {
				List<Double> shade = new ArrayList<>();
				for (long value : row) {
					shade.add(Math.round(100.0 * value / max) / 100.0);
				}
				shades.add(shade);
			}
			return new ConfusionMatrix(labels, counts, shades);
		});
	}

	/** The top 20 features as JSON for the chart: {@code {"method": …, "features": [{"name", "importance"}]}}. */
	Optional<String> featureImportance(String root, List<Entry> entries) {
		return read(root, entries, FEATURE_IMPORTANCE).map(json -> {
			List<Map<String, Object>> features = new ArrayList<>();
			for (JsonNode feature : json.path("features")) {
				features.add(Map.of("name", feature.path("name").asString(), "importance",
						feature.path("importance").asDouble()));
			}
			features.sort(Comparator.comparing((Map<String, Object> f) -> -Math.abs((Double) f.get("importance"))));
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("method", json.path("method").asString(""));
			chart.put("features", features.subList(0, Math.min(TOP_FEATURES, features.size())));
			return JSON.writeValueAsString(chart);
		});
	}

	private Optional<JsonNode> read(String root, List<Entry> entries, String path) {
		if (!has(entries, path)) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readTree(Files.readString(store.download(root + "/" + path))));
		}
		catch (IOException | JacksonException | TrackingError ex) {
			return Optional.empty();
		}
	}

}
