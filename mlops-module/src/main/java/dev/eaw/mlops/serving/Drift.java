package dev.eaw.mlops.serving;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.DriftReport;
import dev.eaw.mlops.DriftReport.FeatureDrift;
import dev.eaw.mlops.training.Encoding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The population stability index of each input between its training profile and logged rows:
 * {@code PSI = Σ (actual − expected) · ln(actual / expected)} over the profile's bins (numbers: the first bin whose
 * edge exceeds the value; text: its category, or the last bin for anything else or missing), empty bins counted as
 * {@value #EPSILON}.
 */
final class Drift {

	static final double EPSILON = 1e-4;

	static final int MINIMUM_ROWS = 30;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Drift() {
	}

	static DriftReport measure(String model, String version, ServedVersion.@Nullable Profile profile,
			List<String> loggedFeatures) {
		List<FeatureDrift> features = new ArrayList<>();
		if (profile == null) {
			return new DriftReport(model, version, loggedFeatures.size(), MINIMUM_ROWS, DriftReport.INSUFFICIENT,
					features);
		}
		List<JsonNode> rows = loggedFeatures.stream().map(JSON::readTree).toList();
		boolean enough = rows.size() >= MINIMUM_ROWS;
		double worst = 0;
		for (ServedVersion.Profile.Feature feature : profile.features()) {
			double[] expected = feature.expected();
			double[] counts = new double[expected.length];
			int seen = 0;
			boolean numeric = feature.type().equals("double");
			Map<String, Integer> categories = new HashMap<>();
			if (!numeric && feature.categories() != null) {
				feature.categories().forEach(category -> categories.put(category, categories.size()));
			}
			for (JsonNode row : rows) {
				JsonNode value = row.get(feature.name());
				if (numeric) {
					if (value != null && value.isNumber() && Double.isFinite(value.asDouble())) {
						counts[Math.min(counts.length - 1, bin(value.asDouble(), feature.edges()))]++;
						seen++;
					}
				}
				else {
					Integer bin = value == null || value.isNull() ? null
							: categories.get(Encoding.text(value.isNumber() ? value.asDouble() : value.asString()));
					counts[bin == null ? counts.length - 1 : bin]++;
					seen++;
				}
			}
			double[] actual = new double[counts.length];
			for (int i = 0; i < counts.length; i++) {
				actual[i] = seen == 0 ? 0 : counts[i] / seen;
			}
			Double psi = enough && seen > 0 ? psi(expected, actual) : null;
			if (psi != null) {
				worst = Math.max(worst, psi);
			}
			features.add(new FeatureDrift(feature.name(), feature.type(), psi,
					psi == null ? DriftReport.INSUFFICIENT : DriftReport.status(psi), bins(feature), expected, actual));
		}
		return new DriftReport(model, version, rows.size(), MINIMUM_ROWS,
				enough ? DriftReport.status(worst) : DriftReport.INSUFFICIENT, features);
	}

	static int bin(double value, double @Nullable [] edges) {
		int bin = 0;
		while (edges != null && bin < edges.length && value >= edges[bin]) {
			bin++;
		}
		return bin;
	}

	static double psi(double[] expected, double[] actual) {
		double psi = 0;
		for (int i = 0; i < expected.length; i++) {
			double e = Math.max(expected[i], EPSILON);
			double a = Math.max(actual[i], EPSILON);
			psi += (a - e) * Math.log(a / e);
		}
		return Math.round(psi * 1e6) / 1e6;
	}

	/** Bin labels: {@code < 1.5}, {@code 1.5 – 2.7}, …, {@code ≥ 9.1}; or the categories and "other". */
	private static List<String> bins(ServedVersion.Profile.Feature feature) {
		List<String> labels = new ArrayList<>();
		if (feature.type().equals("double")) {
			double[] edges = feature.edges() == null ? new double[0] : feature.edges();
			if (edges.length == 0) {
				labels.add("all");
				return labels;
			}
			labels.add("< " + number(edges[0]));
			for (int i = 1; i < edges.length; i++) {
				labels.add(number(edges[i - 1]) + " – " + number(edges[i]));
			}
			labels.add("≥ " + number(edges[edges.length - 1]));
		}
		else {
			if (feature.categories() != null) {
				labels.addAll(feature.categories());
			}
			labels.add("(other)");
		}
		return labels;
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.4g", value);
	}

}
