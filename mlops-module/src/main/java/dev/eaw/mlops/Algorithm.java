package dev.eaw.mlops;

import java.util.List;

/**
 * A trainable algorithm: its key ({@code logistic-regression}, {@code random-forest}, …), the task it solves, whether
 * its models export to ONNX (the others are served from Tribuo's own serialized form), whether it can run on this
 * machine (XGBoost needs its native library), and its hyperparameters.
 */
public record Algorithm(String key, MlTask task, String label, boolean onnx, boolean available,
		List<Hyperparameter> hyperparameters) {
}
