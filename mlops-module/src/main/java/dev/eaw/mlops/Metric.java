package dev.eaw.mlops;

/** One logged metric value; {@code value} may be NaN or ±Infinity, as in MLflow. */
public record Metric(String key, double value, long timestamp, long step) {
}
