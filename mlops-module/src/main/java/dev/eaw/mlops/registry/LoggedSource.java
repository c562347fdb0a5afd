package dev.eaw.mlops.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.eaw.mlops.NewModelVersion;
import dev.eaw.mlops.TrackingError;

/**
 * Where a new version's files are, as MLflow 3's SQL registry decides it: a {@code models:/m-…} source (or a
 * {@code model_id}) names a logged model, whose artifact uri becomes the version's storage location and whose source
 * run its run when none is given; any other source is its own storage location.
 */
record LoggedSource(@Nullable String modelId, @Nullable String runId, String storageLocation) {

	private static final Pattern MODELS_URI = Pattern.compile("models:/(m-[0-9a-f]{32})/?");

	static LoggedSource of(JdbcClient jdbc, NewModelVersion version) {
		Matcher uri = MODELS_URI.matcher(version.source());
		String runId = version.runId() == null || version.runId().isEmpty() ? null : version.runId();
		String modelId = version.modelId() != null && !version.modelId().isEmpty() ? version.modelId()
				: uri.matches() ? uri.group(1) : null;
		if (modelId == null) {
			return new LoggedSource(null, runId, version.source());
		}
		record Row(String artifactUri, @Nullable String sourceRunId) {
		}
		Row row = jdbc
			.sql("SELECT artifact_uri, source_run_id FROM mlops.logged_models WHERE model_id = :id "
					+ "AND lifecycle_stage = 'active'")
			.param("id", modelId)
			.query((rs, i) -> new Row(rs.getString("artifact_uri"), rs.getString("source_run_id")))
			.optional()
			.orElseThrow(() -> TrackingError.notFound("Logged model with ID '" + modelId + "' not found."));
		return new LoggedSource(modelId, runId != null ? runId : row.sourceRunId(),
				uri.matches() ? row.artifactUri() : version.source());
	}

}
