package dev.eaw.mlops;

import java.util.List;

/**
 * The predictions of one request, in row order: for classification {@code {"label": …, "probabilities": {class:
 * p}}} ({@code scores} instead of {@code probabilities} when the model gives no probabilities), for regression the
 * number.
 */
public record Predictions(String model, String version, List<Object> predictions) {
}
