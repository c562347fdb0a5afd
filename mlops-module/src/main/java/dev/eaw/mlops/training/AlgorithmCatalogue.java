package dev.eaw.mlops.training;

import static dev.eaw.mlops.Hyperparameter.choice;
import static dev.eaw.mlops.Hyperparameter.integer;
import static dev.eaw.mlops.Hyperparameter.real;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.eaw.mlops.Algorithm;
import dev.eaw.mlops.Hyperparameter;
import dev.eaw.mlops.MlTask;

/** The algorithms on offer, with their hyperparameters, defaults and bounds; XGBoost only where its library loads. */
final class AlgorithmCatalogue {

	private static final Hyperparameter LEARNING_RATE = real("learning_rate", 0.1, 1e-5, 10, "AdaGrad step size");

	private static final Hyperparameter EPOCHS = integer("epochs", 10, 1, 500, "passes over the training data");

	private static final Hyperparameter MINIBATCH = integer("minibatch", 1, 1, 4096, "examples per gradient step");

	private static final Hyperparameter COST = real("cost", 1.0, 1e-4, 1e4, "inverse regularisation strength C");

	private static final Hyperparameter MAX_ITERATIONS = integer("max_iterations", 1000, 1, 100000,
			"solver iterations");

	private static final Hyperparameter EPSILON = real("epsilon", 0.01, 1e-8, 1, "solver tolerance");

	private static final Hyperparameter FACTORS = integer("factors", 6, 1, 128, "size of the factorised interactions");

	private static final Hyperparameter VARIANCE = real("variance", 0.1, 1e-6, 10, "initial variance of the factors");

	private static final Hyperparameter MAX_DEPTH = integer("max_depth", 8, 1, 64, "deepest tree level");

	private static final Hyperparameter MIN_CHILD_WEIGHT = real("min_child_weight", 5, 0, 10000,
			"least weight in a leaf");

	private static final Hyperparameter TREES = integer("trees", 50, 1, 1000, "number of trees");

	private static final Hyperparameter FEATURE_FRACTION = real("feature_fraction", 0.5, 0.01, 0.99,
			"share of features tried at each split");

	private static final Hyperparameter ETA = real("eta", 0.3, 1e-4, 1, "XGBoost learning rate");

	private static final Hyperparameter SUBSAMPLE = real("subsample", 1.0, 0.05, 1, "share of rows per tree");

	private static final Hyperparameter LAMBDA = real("lambda", 1.0, 0, 1000, "L2 regularisation");

	private final List<Algorithm> algorithms;

	AlgorithmCatalogue(boolean xgboost) {
		List<Algorithm> all = new ArrayList<>();
		MlTask c = MlTask.CLASSIFICATION;
		MlTask r = MlTask.REGRESSION;
		all.add(new Algorithm("logistic-regression", c, "Logistic regression (SGD)", true, true,
				List.of(LEARNING_RATE, EPOCHS, MINIBATCH)));
		all.add(new Algorithm("linear-svm", c, "Linear SVM (SGD, hinge loss)", true, true,
				List.of(LEARNING_RATE, EPOCHS, MINIBATCH)));
		all.add(new Algorithm("liblinear", c, "LibLinear", true, true, List.of(
				choice("solver", "L2R_LR", List.of("L2R_LR", "L1R_LR", "L2R_L2LOSS_SVC", "L2R_L2LOSS_SVC_DUAL"),
						"LibLinear solver"),
				COST, MAX_ITERATIONS, EPSILON)));
		all.add(new Algorithm("factorization-machine", c, "Factorization machine", true, true,
				List.of(LEARNING_RATE, EPOCHS, MINIBATCH, FACTORS, VARIANCE)));
		all.add(new Algorithm("cart", c, "Decision tree (CART)", false, true, List.of(MAX_DEPTH, MIN_CHILD_WEIGHT)));
		all.add(new Algorithm("random-forest", c, "Random forest", false, true,
				List.of(TREES, MAX_DEPTH, MIN_CHILD_WEIGHT, FEATURE_FRACTION)));
		all.add(new Algorithm("xgboost", c, "XGBoost", false, xgboost,
				List.of(TREES, ETA, integer("max_depth", 6, 1, 32, "deepest tree level"), SUBSAMPLE, LAMBDA)));
		all.add(new Algorithm("linear-regression", r, "Linear regression (SGD)", true, true,
				List.of(LEARNING_RATE, EPOCHS, MINIBATCH)));
		all.add(new Algorithm("liblinear", r, "LibLinear (support vector regression)", true, true,
				List.of(COST, MAX_ITERATIONS, EPSILON)));
		all.add(new Algorithm("factorization-machine", r, "Factorization machine", true, true,
				List.of(LEARNING_RATE, EPOCHS, MINIBATCH, FACTORS, VARIANCE)));
		all.add(new Algorithm("cart", r, "Regression tree (CART)", false, true, List.of(MAX_DEPTH, MIN_CHILD_WEIGHT)));
		all.add(new Algorithm("random-forest", r, "Random forest", false, true,
				List.of(TREES, MAX_DEPTH, MIN_CHILD_WEIGHT, FEATURE_FRACTION)));
		all.add(new Algorithm("xgboost", r, "XGBoost", false, xgboost,
				List.of(TREES, ETA, integer("max_depth", 6, 1, 32, "deepest tree level"), SUBSAMPLE, LAMBDA)));
		this.algorithms = List.copyOf(all);
	}

	List<Algorithm> all() {
		return algorithms;
	}

	Optional<Algorithm> find(MlTask task, String key) {
		return algorithms.stream().filter(a -> a.task() == task && a.key().equals(key)).findFirst();
	}

	/** Whether XGBoost's native library loads in this JVM. */
	static boolean xgboostLoads() {
		try {
			Class.forName("ml.dmlc.xgboost4j.java.XGBoostJNI", true, AlgorithmCatalogue.class.getClassLoader());
			return true;
		}
		catch (Throwable ex) {
			return false;
		}
	}

}
