package dev.eaw.mlops.serving;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.eaw.mlops.MlTask;
import dev.eaw.mlops.ModelSignature;
import dev.eaw.mlops.ModelSignature.Input;
import dev.eaw.mlops.training.Encoding;

/**
 * A Tribuo-exported ONNX model in one {@link OrtSession} (one intra- and inter-op thread: requests run in parallel
 * anyway): rows are encoded into a dense float batch in the signature's feature order, zero elsewhere, in a direct
 * buffer reused per thread, and run in one call.
 */
final class OnnxPredictor implements Predictor {

	private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

	private static final ThreadLocal<FloatBuffer[]> BUFFERS = ThreadLocal.withInitial(() -> new FloatBuffer[1]);

	private final OrtSession session;

	private final String inputName;

	private final List<Input> inputs;

	private final Map<String, Integer> featureIndex = new HashMap<>();

	private final int width;

	private final boolean doubledLogit;

	OnnxPredictor(byte[] model, ModelSignature signature) {
		try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			this.session = ENV.createSession(model, options);
			this.inputName = session.getInputNames().iterator().next();
		}
		catch (OrtException ex) {
			throw new IllegalStateException("ONNX Runtime cannot load the model: " + ex.getMessage(), ex);
		}
		this.inputs = signature.inputs();
		for (int i = 0; i < signature.features().size(); i++) {
			featureIndex.put(signature.features().get(i), i);
		}
		this.width = signature.features().size();
		this.doubledLogit = doublesLogit(signature);
	}

	/**
	 * Whether the exported graph gives {@code sigmoid(2d)} where the Tribuo model gives {@code sigmoid(d)}: Tribuo
	 * 4.3.2 exports a binary LibLinear logistic regression's one weight vector as {@code softmax([d, -d])}, while
	 * LibLinear's own probability is {@code 1 / (1 + e^-d)} (measured: the ONNX logit is exactly twice Tribuo's).
	 */
	static boolean doublesLogit(ModelSignature signature) {
		return signature.algorithm().equals("liblinear") && signature.task() == MlTask.CLASSIFICATION
				&& signature.probabilities() && signature.classes().size() == 2;
	}

	/** Whether the exported graph reproduces the Tribuo model (not a multi-class LibLinear with probabilities). */
	static boolean faithful(ModelSignature signature) {
		return !(signature.algorithm().equals("liblinear") && signature.task() == MlTask.CLASSIFICATION
				&& signature.probabilities() && signature.classes().size() > 2);
	}

	@Override
	public double[][] outputs(List<@Nullable Object[]> rows) {
		int n = rows.size();
		FloatBuffer batch = buffer(n * width);
		for (int r = 0; r < n; r++) {
			Object[] row = rows.get(r);
			int base = r * width;
			for (int i = 0; i < inputs.size(); i++) {
				Encoding.encode(inputs.get(i), row[i], (feature, value) -> {
					Integer column = featureIndex.get(feature);
					if (column != null) {
						batch.put(base + column, value.floatValue());
					}
				});
			}
		}
		try (OnnxTensor tensor = OnnxTensor.createTensor(ENV, batch, new long[] { n, width });
				OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
			float[][] out = (float[][]) result.get(0).getValue();
			double[][] outputs = new double[n][];
			for (int r = 0; r < n; r++) {
				outputs[r] = new double[out[r].length];
				for (int c = 0; c < out[r].length; c++) {
					outputs[r][c] = out[r][c];
				}
				if (doubledLogit) {
					// q = sigmoid(2d) → sigmoid(d) = 1 / (1 + sqrt((1 − q) / q)), from the smaller output (a float
					// near 1 has lost what a float near 0 still holds)
					int small = out[r][0] <= out[r][1] ? 0 : 1;
					double q = out[r][small];
					double p = q <= 0 ? 0 : 1 / (1 + Math.sqrt((1 - q) / q));
					outputs[r][small] = p;
					outputs[r][1 - small] = 1 - p;
				}
			}
			return outputs;
		}
		catch (OrtException ex) {
			throw new IllegalStateException("ONNX Runtime failed: " + ex.getMessage(), ex);
		}
	}

	/** This thread's direct buffer with room for {@code size} floats, zeroed, positioned at 0 and limited to size. */
	private static FloatBuffer buffer(int size) {
		FloatBuffer[] holder = BUFFERS.get();
		FloatBuffer buffer = holder[0];
		if (buffer == null || buffer.capacity() < size) {
			buffer = ByteBuffer.allocateDirect(Math.max(size, 1024) * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
			holder[0] = buffer;
		}
		buffer.clear();
		for (int i = 0; i < size; i++) {
			buffer.put(i, 0f);
		}
		buffer.limit(size);
		return buffer;
	}

	@Override
	public void close() {
		try {
			session.close();
		}
		catch (OrtException ex) {
			// closing a session only fails when it is closed already
		}
	}

}
