package dev.eaw.mlops.mlflow;

import org.jspecify.annotations.Nullable;

import dev.eaw.mlops.TrackingError;
import tools.jackson.databind.JsonNode;

/**
 * Single values of an MLflow request as MLflow's server reads them (int64 as a number or a string, doubles also as
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, no NUL in text) and MLflow's messages for missing and
 * invalid parameters.
 */
final class MlflowValues {

	private MlflowValues() {
	}

	static @Nullable Long int64(String field, @Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.asLong();
		}
		if (node.isString()) {
			try {
				return Long.parseLong(node.asString().trim());
			}
			catch (NumberFormatException ex) {
				throw invalid(field, node);
			}
		}
		throw invalid(field, node);
	}

	static double toDouble(String field, JsonNode node) {
		if (node.isNumber()) {
			return node.asDouble();
		}
		if (!node.isString()) {
			throw invalid(field, node);
		}
		return switch (node.asString()) {
			case "NaN" -> Double.NaN;
			case "Infinity" -> Double.POSITIVE_INFINITY;
			case "-Infinity" -> Double.NEGATIVE_INFINITY;
			default -> {
				try {
					yield Double.parseDouble(node.asString());
				}
				catch (NumberFormatException ex) {
					throw invalid(field, node);
				}
			}
		};
	}

	/** A string field's value; PostgreSQL cannot store or even compare text with a NUL character. */
	static String text(String field, String value) {
		if (value.indexOf('\0') >= 0) {
			throw TrackingError.invalid("Invalid value for parameter '" + field + "' supplied: it contains a NUL "
					+ "character.");
		}
		return value;
	}

	static TrackingError missing(String field) {
		return TrackingError.invalid("Missing value for required parameter '" + field + "'. See the API docs for more "
				+ "information about request parameters.");
	}

	static TrackingError invalid(String field, @Nullable JsonNode value) {
		return TrackingError.invalid("Invalid value " + value + " for parameter '" + field + "' supplied. See the API "
				+ "docs for more information about request parameters.");
	}

}
