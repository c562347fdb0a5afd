package dev.eaw.mlops.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.tribuo.Model;
import org.tribuo.ONNXExportable;

import dev.eaw.mlops.Algorithm;
import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.MlTask;
import dev.eaw.mlops.ModelSignature;
import dev.eaw.mlops.ModelSignature.Input;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a trained model as MLflow-style artifacts of its run: {@code model/MLmodel} (flavors and signature, as MLflow
 * writes it), {@code model/signature.json}, {@code model/model.onnx} for exportable models, {@code model/model.tribuo}
 * always (Tribuo's protobuf form), {@code model/provenance.txt}, {@code model/feature_profile.json}, and the
 * evaluation files under {@code evaluation/}.
 */
final class ModelPackage {

	static final String ONNX_DOMAIN = "dev.eaw";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ArtifactStore store;

	private final String root;

	/** Where {@link #write} puts the model's files under the root: {@code model/} for a run, the root itself for an
	 * MLflow 3 logged model (whose artifact uri is the model directory). */
	private final String modelDir;

	ModelPackage(ArtifactStore store, String artifactUri) {
		this(store, artifactUri, "model/");
	}

	ModelPackage(ArtifactStore store, String artifactUri, String modelDir) {
		this.store = store;
		this.modelDir = modelDir;
		this.root = artifactUri.startsWith("mlflow-artifacts:/") ? artifactUri.substring("mlflow-artifacts:/".length())
				: artifactUri;
	}

	void write(String runId, Model<?> model, ModelSignature signature, Map<String, Object> profile) {
		if (signature.format().equals(ModelSignature.ONNX)) {
			put(modelDir + "model.onnx", ((ONNXExportable) model).exportONNXModel(ONNX_DOMAIN, 1).toByteArray());
		}
		ByteArrayOutputStream tribuo = new ByteArrayOutputStream();
		try {
			model.serializeToStream(tribuo);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		put(modelDir + "model.tribuo", tribuo.toByteArray());
		putJson(modelDir + "signature.json", signature);
		putJson(modelDir + "feature_profile.json", profile);
		put(modelDir + "provenance.txt", model.getProvenance().toString().getBytes(StandardCharsets.UTF_8));
		put(modelDir + "MLmodel", mlmodel(runId, signature).getBytes(StandardCharsets.UTF_8));
	}

	void putJson(String path, Object value) {
		put(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
	}

	private void put(String path, byte[] bytes) {
		store.upload(root + "/" + path, new ByteArrayInputStream(bytes));
	}

	/** The {@code MLmodel} file MLflow tools read: flavors, the column signature and where the files are. */
	static String mlmodel(String runId, ModelSignature signature) {
		String inputs = signature.inputs().stream().map(ModelPackage::column).collect(Collectors.joining(", ", "[", "]"));
		String output = signature.task() == MlTask.REGRESSION ? "double" : "string";
		StringBuilder yaml = new StringBuilder();
		yaml.append("artifact_path: model\n");
		yaml.append("flavors:\n");
		if (signature.format().equals(ModelSignature.ONNX)) {
			yaml.append("  onnx:\n    code: null\n    data: model.onnx\n    providers:\n    - CPUExecutionProvider\n");
		}
		yaml.append("  tribuo:\n    data: model.tribuo\n    tribuo_version: 4.3.2\n    algorithm: ")
			.append(signature.algorithm())
			.append('\n');
		yaml.append("run_id: ").append(runId).append('\n');
		yaml.append("signature:\n  inputs: '").append(inputs.replace("'", "''")).append("'\n");
		yaml.append("  outputs: '[{\"type\": \"").append(output).append("\", \"name\": \"").append(signature.target())
			.append("\", \"required\": true}]'\n");
		yaml.append("utc_time_created: '").append(Instant.now()).append("'\n");
		return yaml.toString();
	}

	private static String column(Input input) {
		Map<String, Object> column = new LinkedHashMap<>();
		column.put("type", input.type());
		column.put("name", input.name());
		column.put("required", true);
		return JSON.writeValueAsString(column).replace(",", ", ").replace(":", ": ");
	}

	/** The signature of a trained model: its feature order is Tribuo's feature ids, which the ONNX input follows. */
	static ModelSignature signature(Model<?> model, Algorithm algorithm, String target, List<Input> inputs,
			List<String> classes) {
		List<String> features = new ArrayList<>();
		for (int id = 0; id < model.getFeatureIDMap().size(); id++) {
			features.add(model.getFeatureIDMap().get(id).getName());
		}
		return new ModelSignature(algorithm.task(), target, algorithm.key(),
				algorithm.onnx() ? ModelSignature.ONNX : ModelSignature.TRIBUO, inputs, features, classes,
				model.generatesProbabilities());
	}

}
