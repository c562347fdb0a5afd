package dev.eaw.mlops.serving;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.ModelSignature;

/**
 * A model package in a local directory ({@code signature.json}, {@code model.onnx} and/or {@code model.tribuo}),
 * predicting exactly as serving does (validation, encoding, ONNX Runtime or Tribuo, the answer's form) but without
 * the registry, meters or log: for benchmarks and tools outside the application.
 */
public final class LocalPredictor implements AutoCloseable {

	private final ServedVersion served;

	private LocalPredictor(ServedVersion served) {
		this.served = served;
	}

	/** The package in its signature's format, or in {@code format} ({@code onnx}, {@code tribuo}) when given. */
	public static LocalPredictor open(Path directory, @Nullable String format) {
		return new LocalPredictor(ModelLoader.open(directory.getFileName().toString(), "local",
				"The package in " + directory, name -> {
					Path file = directory.resolve(name);
					return Files.isRegularFile(file) ? file : null;
				}, format));
	}

	public ModelSignature signature() {
		return served.signature();
	}

	/** One example row (numbers at their mean, text at its first category). */
	public Map<String, Object> example() {
		return served.example();
	}

	public List<Object> predict(List<Map<String, Object>> rows) {
		return served.predictions(served.outputs(InputRows.validate(served.signature(), rows)));
	}

	@Override
	public void close() {
		served.close();
	}

}
