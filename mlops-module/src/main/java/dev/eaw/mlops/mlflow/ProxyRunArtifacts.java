package dev.eaw.mlops.mlflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import dev.eaw.mlops.ArtifactFile;
import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.RunArtifacts;
import dev.eaw.mlops.TrackingError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link RunArtifacts} over the artifact proxy's store, with links to the proxy's download route. */
@Component
class ProxyRunArtifacts implements RunArtifacts {

	private static final int MAX_DEPTH = 6;

	private static final int MAX_ENTRIES = 500;

	private static final int TOP_FEATURES = 20;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ArtifactStore store;

	ProxyRunArtifacts(ArtifactStore store) {
		this.store = store;
	}

	/** The chart's data: the method that measured the importance and the features, strongest first. */
	record FeatureChart(String method, List<Feature> features) {
	}

	record Feature(String name, double importance) {
	}

	@Override
	public List<Entry> tree(String root) {
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
					DOWNLOAD + UriUtils.encodePath(root + "/" + path, StandardCharsets.UTF_8)));
			if (file.isDir() && depth < MAX_DEPTH) {
				walk(root, path, depth + 1, entries);
			}
		}
	}

	@Override
	public Optional<ConfusionMatrix> confusionMatrix(String root, List<Entry> entries) {
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

	@Override
	public Optional<String> featureImportance(String root, List<Entry> entries) {
		return read(root, entries, FEATURE_IMPORTANCE).map(json -> {
			List<Feature> features = new ArrayList<>();
			for (JsonNode feature : json.path("features")) {
				features.add(new Feature(feature.path("name").asString(), feature.path("importance").asDouble()));
			}
			features.sort(Comparator.comparingDouble((Feature f) -> -Math.abs(f.importance())));
			return JSON.writeValueAsString(new FeatureChart(json.path("method").asString(""),
					features.subList(0, Math.min(TOP_FEATURES, features.size()))));
		});
	}

	private Optional<JsonNode> read(String root, List<Entry> entries, String path) {
		if (!RunArtifacts.has(entries, path)) {
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
