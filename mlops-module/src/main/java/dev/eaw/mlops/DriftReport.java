package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Drift of a version's inputs: the population stability index (PSI) of each input between the training profile and
 * the last {@code rows} logged rows, and a status: {@value #NONE} below 0.1, {@value #MODERATE} below 0.25,
 * {@value #SIGNIFICANT} from there, {@value #INSUFFICIENT} with fewer than {@code minimumRows} rows.
 */
public record DriftReport(String model, String version, int rows, int minimumRows, String status,
		List<FeatureDrift> features) {

	public static final String NONE = "none";

	public static final String MODERATE = "moderate";

	public static final String SIGNIFICANT = "significant";

	public static final String INSUFFICIENT = "insufficient-data";

	/** The status of a PSI. */
	public static String status(double psi) {
		return psi < 0.1 ? NONE : psi < 0.25 ? MODERATE : SIGNIFICANT;
	}

	/** One input: its bins (ranges or categories), the training and the recent shares, and the PSI (null without data). */
	public record FeatureDrift(String name, String type, @Nullable Double psi, String status, List<String> bins,
			double[] expected, double[] actual) {
	}

}
