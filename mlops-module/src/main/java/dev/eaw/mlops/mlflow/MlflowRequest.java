package dev.eaw.mlops.mlflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import dev.eaw.mlops.DatasetInput;
import dev.eaw.mlops.Metric;
import dev.eaw.mlops.ModelMetric;
import dev.eaw.mlops.ModelOutput;
import dev.eaw.mlops.Param;
import dev.eaw.mlops.Tag;
import dev.eaw.mlops.TrackingError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an MLflow request as MLflow's server does: a JSON body for POST (empty = {@code {}}), query parameters for
 * GET; int64 fields as numbers or strings, doubles also as {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"};
 * {@code run_id} falling back to {@code run_uuid}; MLflow's messages for missing and invalid values.
 */
final class MlflowRequest {

	private final JsonNode body;

	private MlflowRequest(JsonNode body) {
		this.body = body;
	}

	static MlflowRequest of(@Nullable JsonNode body) {
		if (body == null || body.isNull() || body.isMissingNode()) {
			return new MlflowRequest(JsonNodeFactory.instance.objectNode());
		}
		if (!body.isObject()) {
			throw TrackingError.invalid("The request body must be a JSON object.");
		}
		return new MlflowRequest(body);
	}

	/** Query parameters as a body; repeated parameters become arrays. */
	static MlflowRequest of(MultiValueMap<String, String> query) {
		var node = JsonNodeFactory.instance.objectNode();
		query.forEach((name, values) -> {
			if (values.size() == 1 && !name.equals("order_by") && !name.equals("experiment_ids")) {
				node.put(name, values.get(0));
			}
			else {
				var array = node.putArray(name);
				values.forEach(array::add);
			}
		});
		return new MlflowRequest(node);
	}

	/**
	 * A body and the query parameters together, the body winning: MLflow's clients send DELETE and PATCH fields as a
	 * JSON body, some callers as query parameters.
	 */
	static MlflowRequest of(@Nullable JsonNode body, MultiValueMap<String, String> query) {
		ObjectNode merged = (ObjectNode) of(query).body;
		merged.setAll((ObjectNode) of(body).body);
		return new MlflowRequest(merged);
	}

	/** A required boolean: JSON {@code true}/{@code false} or the strings {@code "true"}/{@code "false"}. */
	boolean requiredBool(String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			throw MlflowValues.missing(field);
		}
		if (node.isBoolean()) {
			return node.asBoolean();
		}
		if (node.isString() && (node.asString().equals("true") || node.asString().equals("false"))) {
			return node.asString().equals("true");
		}
		throw MlflowValues.invalid(field, node);
	}

	String required(String field) {
		String value = string(field);
		if (value == null) {
			throw MlflowValues.missing(field);
		}
		return value;
	}

	@Nullable String string(String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw MlflowValues.invalid(field, node);
		}
		return MlflowValues.text(field, node.asString());
	}

	/** {@code run_id}, else {@code run_uuid}, one of which must be there. */
	String runId() {
		String runId = string("run_id");
		if (runId == null || runId.isEmpty()) {
			runId = string("run_uuid");
		}
		if (runId == null || runId.isEmpty()) {
			throw MlflowValues.missing("run_id");
		}
		return runId;
	}

	@Nullable Long int64(String field) {
		return MlflowValues.int64(field, body.get(field));
	}

	int int32(String field, int fallback) {
		Long value = int64(field);
		if (value == null) {
			return fallback;
		}
		if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
			throw MlflowValues.invalid(field, body.get(field));
		}
		return value.intValue();
	}

	List<String> strings(String field) {
		JsonNode node = body.get(field);
		List<String> values = new ArrayList<>();
		if (node == null || node.isNull()) {
			return values;
		}
		if (node.isString()) {
			values.add(MlflowValues.text(field, node.asString()));
			return values;
		}
		if (!node.isArray()) {
			throw MlflowValues.invalid(field, node);
		}
		for (JsonNode item : node) {
			if (!item.isString()) {
				throw MlflowValues.invalid(field, node);
			}
			values.add(MlflowValues.text(field, item.asString()));
		}
		return values;
	}

	<E extends Enum<E>> @Nullable E enumValue(String field, Class<E> type) {
		String value = string(field);
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw MlflowValues.invalid(field, body.get(field));
		}
	}

	List<Tag> tags(String field) {
		List<Tag> tags = new ArrayList<>();
		for (JsonNode item : objects(field)) {
			MlflowRequest tag = new MlflowRequest(item);
			tags.add(new Tag(tag.required("key"), tag.required("value")));
		}
		return tags;
	}

	List<Param> params(String field) {
		List<Param> params = new ArrayList<>();
		for (JsonNode item : objects(field)) {
			MlflowRequest param = new MlflowRequest(item);
			params.add(new Param(param.required("key"), param.required("value")));
		}
		return params;
	}

	/** MLflow's {@code DatasetInput}s: {@code {"tags": [...], "dataset": {name, digest, source_type, source, …}}}. */
	List<DatasetInput> datasetInputs(String field) {
		List<DatasetInput> inputs = new ArrayList<>();
		List<JsonNode> items = objects(field);
		for (int i = 0; i < items.size(); i++) {
			MlflowRequest input = new MlflowRequest(items.get(i));
			if (!items.get(i).path("dataset").isObject()) {
				throw MlflowValues.missing(field + "[" + i + "].dataset");
			}
			MlflowRequest dataset = new MlflowRequest(items.get(i).path("dataset"));
			inputs.add(new DatasetInput(dataset.required("name"), dataset.required("digest"),
					dataset.required("source_type"), dataset.required("source"), dataset.string("schema"),
					dataset.string("profile"), input.tags("tags")));
		}
		return inputs;
	}

	/** The objects of an array field, each read as a request of its own. */
	List<MlflowRequest> items(String field) {
		return objects(field).stream().map(MlflowRequest::new).toList();
	}

	List<Metric> metrics(String field) {
		List<Metric> metrics = new ArrayList<>();
		for (JsonNode item : objects(field)) {
			metrics.add(new MlflowRequest(item).metric());
		}
		return metrics;
	}

	/** Each object of a field, read by {@code reader} (MLflow 3's metrics with a model, model inputs, outputs). */
	<T> List<T> each(String field, Function<MlflowRequest, T> reader) {
		return objects(field).stream().map(item -> reader.apply(new MlflowRequest(item))).toList();
	}

	/** This object as a metric with the logged model and dataset it may name (MLflow 3). */
	ModelMetric modelMetric() {
		Metric metric = metric();
		String model = string("model_id");
		return new ModelMetric(metric.key(), metric.value(), metric.timestamp(), metric.step(),
				model == null || model.isEmpty() ? null : model, string("dataset_name"), string("dataset_digest"), null);
	}

	/** This object as MLflow 3's {@code ModelOutput}: model_id and step required. */
	ModelOutput modelOutput() {
		Long step = int64("step");
		if (step == null) {
			throw MlflowValues.missing("step");
		}
		return new ModelOutput(required("model_id"), step);
	}

	/** This object as a metric: key, value and timestamp required, step 0 when absent. */
	Metric metric() {
		Long timestamp = int64("timestamp");
		if (timestamp == null) {
			throw MlflowValues.missing("timestamp");
		}
		Long step = int64("step");
		return new Metric(required("key"), requiredDouble("value"), timestamp, step == null ? 0 : step);
	}

	double requiredDouble(String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			throw MlflowValues.missing(field);
		}
		return MlflowValues.toDouble(field, node);
	}

	private List<JsonNode> objects(String field) {
		JsonNode node = body.get(field);
		List<JsonNode> items = new ArrayList<>();
		if (node == null || node.isNull()) {
			return items;
		}
		if (!node.isArray()) {
			throw MlflowValues.invalid(field, node);
		}
		for (JsonNode item : node) {
			if (!item.isObject()) {
				throw MlflowValues.invalid(field, node);
			}
			items.add(item);
		}
		return items;
	}

}
