package dev.eaw.insights.forecast;

import java.time.LocalDateTime;
import java.util.List;

/**
 * In-sample anomaly check of one series, one entry per observed point: the value, the model's expected value, the
 * band {@code [lower, upper]} at the requested interval, whether the value lies outside the band, and its
 * {@code score} = |value − expected| / (half the band width), so a score above 1 means an anomaly (NaN values get a
 * NaN score and are never anomalies).
 */
public record AnomalyResult(String method, List<LocalDateTime> ts, double[] value, double[] expected, double[] lower,
		double[] upper, boolean[] anomaly, double[] score) {
}
