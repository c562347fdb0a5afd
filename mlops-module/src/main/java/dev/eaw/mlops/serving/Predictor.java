package dev.eaw.mlops.serving;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A loaded model: the raw outputs (class probabilities or scores, or the one regression value) of validated rows. */
interface Predictor extends AutoCloseable {

	/** One output array per row; rows hold the input values in signature order (numbers as {@code Double}). */
	double[][] outputs(List<@Nullable Object[]> rows);

	@Override
	void close();

}
