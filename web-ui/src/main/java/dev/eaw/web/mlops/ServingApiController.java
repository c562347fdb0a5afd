package dev.eaw.web.mlops;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;
import dev.eaw.mlops.DriftReport;
import dev.eaw.mlops.ModelAlias;
import dev.eaw.mlops.ModelRegistry;
import dev.eaw.mlops.ModelServing;
import dev.eaw.mlops.ModelVersion;
import dev.eaw.mlops.Predictions;
import dev.eaw.mlops.RegisteredModel;
import dev.eaw.mlops.RegistrySearch;
import dev.eaw.mlops.ServedSignature;
import dev.eaw.mlops.ServingStats;
import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.TrafficRoute;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Model serving as MLflow's scoring server speaks it ({@code /invocations} with {@code dataframe_split},
 * {@code dataframe_records}, {@code instances} or {@code inputs}, answering {@code {"predictions": […]}} with the
 * model and version in headers), traffic splits, stats and drift. Scoring is a read: VIEWER may call it.
 */
@RestController
@RequestMapping("/api/mlops/serving")
@Tag(name = "MLOps serving", description = "Predict with registered model versions; traffic splits, stats, drift")
class ServingApiController {

	static final String MODEL_HEADER = "X-Model-Name";

	static final String VERSION_HEADER = "X-Model-Version";

	static final String KEY_HEADER = "X-Request-Key";

	private static final Map<String, String> OK = Map.of("status", "ok");

	private final ModelServing serving;

	private final ModelRegistry registry;

	ServingApiController(ModelServing serving, ModelRegistry registry) {
		this.serving = serving;
		this.registry = registry;
	}

	@GetMapping("/ping")
	@Operation(summary = "A constant answer through the same security chain (the serving benchmark's ceiling)")
	Map<String, String> ping() {
		return OK;
	}

	@PostMapping("/ping")
	@Operation(summary = "A constant answer to a POST through the same security chain")
	Map<String, String> pingPost() {
		return OK;
	}

	@PostMapping("/{model}/{versionOrAlias}/invocations")
	@Operation(summary = "Predict with a version (number, alias or 'latest')",
			description = "MLflow scoring formats: {\"dataframe_split\": {\"columns\": [...], \"data\": [[...]]}}, "
					+ "{\"dataframe_records\": [{...}]}, {\"instances\": [{...}]} or {\"inputs\": {column: [...]}} / "
					+ "[{...}]. At most 10,000 rows. Answers {\"predictions\": [...]} with X-Model-Version.")
	void invoke(@PathVariable String model, @PathVariable String versionOrAlias, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		answer(serving.predict(model, versionOrAlias, ScoringInput.rows(request.getInputStream()),
				request.getHeader(KEY_HEADER)), response);
	}

	@PostMapping("/{model}/invocations")
	@Operation(summary = "Predict with the version the model's traffic split picks",
			description = "The same X-Request-Key always takes the same route; without a split alias 'champion', "
					+ "without that the latest version.")
	void invokeRouted(@PathVariable String model, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		answer(serving.route(model, ScoringInput.rows(request.getInputStream()), request.getHeader(KEY_HEADER)),
				response);
	}

	/**
	 * Writes {@code {"predictions": […]}} straight to the response: the hot path reads and writes its JSON itself
	 * rather than through content negotiation and message converters (see docs/benchmarks.md, serving).
	 */
	private static void answer(Predictions predictions, HttpServletResponse response) throws IOException {
		response.setStatus(200);
		response.setContentType("application/json");
		response.setHeader(MODEL_HEADER, predictions.model());
		response.setHeader(VERSION_HEADER, predictions.version());
		ScoringInput.write(response.getOutputStream(), Map.of("predictions", predictions.predictions()));
	}

	/** A traffic split as JSON: {@code {"routes": [{"target": "champion", "percent": 90}, …]}}. */
	record TrafficBody(@Nullable List<RouteBody> routes) {
	}

	record RouteBody(@Nullable String target, @Nullable Integer percent) {
	}

	@GetMapping("/{model}/traffic")
	@Operation(summary = "The model's traffic split (empty routes: none)")
	TrafficBody traffic(@PathVariable String model) {
		return body(serving.traffic(model));
	}

	@PutMapping("/{model}/traffic")
	@Operation(summary = "Replace the model's traffic split; percents sum to 100, empty routes remove it")
	TrafficBody setTraffic(@PathVariable String model, @RequestBody TrafficBody body) {
		if (body.routes() == null) {
			throw new InvalidInput("The body needs 'routes': [{\"target\": \"champion\", \"percent\": 90}, …].");
		}
		List<TrafficRoute> routes = new ArrayList<>();
		for (RouteBody route : body.routes()) {
			if (route == null || route.target() == null || route.percent() == null) {
				throw new InvalidInput("Every route needs 'target' (a version or alias) and 'percent'.");
			}
			routes.add(new TrafficRoute(route.target().trim(), route.percent()));
		}
		return body(serving.setTraffic(model, routes));
	}

	private static TrafficBody body(List<TrafficRoute> routes) {
		return new TrafficBody(routes.stream().map(r -> new RouteBody(r.target(), r.percent())).toList());
	}

	@GetMapping("/{model}")
	@Operation(summary = "What the serving page needs: versions, aliases, traffic split and the invocation URLs")
	Map<String, Object> overview(@PathVariable String model) {
		RegisteredModel registered;
		try {
			registered = registry.getModel(model);
		}
		catch (TrackingError ex) {
			throw new NotFound(ex.getMessage());
		}
		List<ModelVersion> versions = registry
			.searchVersions(new RegistrySearch("name = '" + model.replace("'", "''") + "'", 1000, List.of(), null))
			.items();
		Map<String, Object> overview = new LinkedHashMap<>();
		overview.put("model", registered.name());
		overview.put("versions", versions.stream().map(ModelVersion::version).toList());
		overview.put("aliases", registered.aliases().stream().map(ModelAlias::alias).toList());
		overview.put("aliasVersions", registered.aliases()
			.stream()
			.collect(LinkedHashMap::new, (map, alias) -> map.put(alias.alias(), alias.version()), Map::putAll));
		overview.put("routes", serving.traffic(model));
		return overview;
	}

	@GetMapping("/{model}/{versionOrAlias}/signature")
	@Operation(summary = "The version's signature with an example input row")
	ServedSignature signature(@PathVariable String model, @PathVariable String versionOrAlias) {
		return serving.signature(model, versionOrAlias);
	}

	@GetMapping("/{model}/{versionOrAlias}/stats")
	@Operation(summary = "Requests, errors, rows, p50/p95/p99 latency (ms) and requests per minute of a version")
	ServingStats stats(@PathVariable String model, @PathVariable String versionOrAlias) {
		return serving.stats(model, versionOrAlias);
	}

	@GetMapping("/{model}/{versionOrAlias}/drift")
	@Operation(summary = "PSI of each input between training and the last logged rows, with a status")
	DriftReport drift(@PathVariable String model, @PathVariable String versionOrAlias) {
		return serving.drift(model, versionOrAlias);
	}

}
