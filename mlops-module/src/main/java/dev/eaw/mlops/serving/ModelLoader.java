package dev.eaw.mlops.serving;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.tribuo.Model;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.ModelRegistry;
import dev.eaw.mlops.ModelSignature;
import dev.eaw.mlops.ModelVersion;
import dev.eaw.mlops.RunTracking;
import dev.eaw.mlops.TrackingError;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a registered version from the model package its source points at ({@code runs:/<run>/model} through the
 * run's artifact URI, or {@code mlflow-artifacts:/<path>}): {@code signature.json}, {@code feature_profile.json} when
 * present, and {@code model.onnx} into ONNX Runtime or {@code model.tribuo} into Tribuo as the signature's format says.
 */
final class ModelLoader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String ARTIFACTS = "mlflow-artifacts:/";

	private final ModelRegistry registry;

	private final RunTracking runs;

	private final ArtifactStore artifacts;

	ModelLoader(ModelRegistry registry, RunTracking runs, ArtifactStore artifacts) {
		this.registry = registry;
		this.runs = runs;
		this.artifacts = artifacts;
	}

	ServedVersion load(String model, String version) {
		ModelVersion registered = registry.getVersion(model, version);
		String directory = directory(registered);
		String where = "Version " + version + " of '" + model + "'";
		return open(model, registered.version(), where, name -> file(directory, name), null);
	}

	/**
	 * A model package from its files ({@code files} answers null for a missing one), served in its signature's format
	 * unless {@code format} says otherwise ({@code onnx} or {@code tribuo}).
	 */
	static ServedVersion open(String model, String version, String where, Function<String, @Nullable Path> files,
			@Nullable String format) {
		Path signatureFile = files.apply("signature.json");
		if (signatureFile == null) {
			throw new InvalidInput(where + " has no model/signature.json: only models trained by this application can "
					+ "be served.");
		}
		ModelSignature signature = JSON.readValue(signatureFile.toFile(), ModelSignature.class);
		Path profileFile = files.apply("feature_profile.json");
		ServedVersion.Profile profile = profileFile == null ? null
				: JSON.readValue(profileFile.toFile(), ServedVersion.Profile.class);
		String served = format == null ? signature.format() : format;
		Predictor predictor;
		if (served.equals(ModelSignature.ONNX) && OnnxPredictor.faithful(signature)) {
			predictor = new OnnxPredictor(bytes(required(files, "model.onnx", where)), signature);
		}
		else {
			// Tribuo's own form; also for ONNX packages whose graph does not reproduce the model (see OnnxPredictor)
			predictor = new TribuoPredictor(tribuo(required(files, "model.tribuo", where)), signature);
		}
		return new ServedVersion(model, version, signature, profile, predictor);
	}

	/** The artifact store path of the version's model directory. */
	private String directory(ModelVersion version) {
		String source = version.source();
		if (source.startsWith("models:/") && version.storageLocation().startsWith(ARTIFACTS)) {
			// an MLflow 3 version made from a logged model: its files are in the logged model's artifact location
			return version.storageLocation().substring(ARTIFACTS.length());
		}
		if (source.startsWith("runs:/")) {
			String rest = source.substring("runs:/".length());
			int slash = rest.indexOf('/');
			String runId = slash < 0 ? rest : rest.substring(0, slash);
			String path = slash < 0 ? "" : rest.substring(slash + 1);
			String uri = runs.get(runId).info().artifactUri();
			if (!uri.startsWith(ARTIFACTS)) {
				throw unservable(version);
			}
			String root = uri.substring(ARTIFACTS.length());
			return path.isEmpty() ? root : root + "/" + path;
		}
		if (source.startsWith(ARTIFACTS)) {
			return source.substring(ARTIFACTS.length());
		}
		throw unservable(version);
	}

	private static InvalidInput unservable(ModelVersion version) {
		return new InvalidInput("Version " + version.version() + " of '" + version.name() + "' has the source '"
				+ version.source() + "'; only runs:/, models:/ and mlflow-artifacts:/ sources of this server can be served.");
	}

	private @Nullable Path file(String directory, String name) {
		try {
			Path path = artifacts.download(directory + "/" + name);
			return Files.isRegularFile(path) ? path : null;
		}
		catch (TrackingError ex) {
			if (ex.code() == TrackingError.Code.RESOURCE_DOES_NOT_EXIST) {
				return null;
			}
			throw ex;
		}
	}

	private static Path required(Function<String, @Nullable Path> files, String name, String where) {
		Path path = files.apply(name);
		if (path == null) {
			throw new InvalidInput(where + " has no model/" + name + " although its signature asks for it.");
		}
		return path;
	}

	private static byte[] bytes(Path path) {
		try {
			return Files.readAllBytes(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Model<?> tribuo(Path path) {
		try (InputStream in = Files.newInputStream(path)) {
			return Model.deserializeFromStream(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
