package dev.eaw.web.insights;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.eaw.insights.CsvInspection;
import dev.eaw.insights.CsvLayout;
import dev.eaw.insights.Dataset;
import dev.eaw.insights.DatasetPreview;
import dev.eaw.insights.Datasets;
import dev.eaw.insights.LoadProgress;
import dev.eaw.insights.Queries;
import dev.eaw.insights.QueryResult;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/insights")
@Tag(name = "Insights", description = "Datasets from CSV files and SQL with AI functions")
class InsightsApiController {

	private final Datasets datasets;

	private final Queries queries;

	private final Uploads uploads;

	InsightsApiController(Datasets datasets, Queries queries, Uploads uploads) {
		this.datasets = datasets;
		this.queries = queries;
		this.uploads = uploads;
	}

	record SqlRequest(@Nullable String sql) {
	}

	record Rename(@Nullable String name) {
	}

	@GetMapping("/datasets")
	@Operation(summary = "All datasets with their columns and row counts")
	List<Dataset> list() {
		return datasets.list();
	}

	@PostMapping(path = "/datasets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Load a CSV file as a new dataset",
			description = "Multipart 'file' and 'name' (optional 'description'). Delimiter, header and column types are "
					+ "inferred; 'types' overrides some, e.g. 'order_date:date,amount:decimal'. With async=true the answer "
					+ "is 202 with a load to poll at /api/insights/loads/{id}.")
	ResponseEntity<?> upload(@RequestPart("file") MultipartFile file, @RequestParam("name") String name,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String types,
			@RequestParam(defaultValue = "false") boolean async, Principal principal) {
		String uploadId = uploads.keep(file);
		CsvLayout layout;
		try {
			layout = types.isBlank() ? null : TypeOverrides.apply(datasets.inspect(uploads.file(uploadId)).layout(), types);
		}
		catch (RuntimeException ex) {
			uploads.discard(uploadId);
			throw ex;
		}
		if (async) {
			String job = uploads.startLoad(uploadId, name, layout, description, principal.getName());
			return ResponseEntity.accepted().location(URI.create("/api/insights/loads/" + job)).body(uploads.view(job).orElseThrow());
		}
		try {
			Dataset dataset = datasets.load(name, uploads.file(uploadId), layout, description, principal.getName(),
					LoadProgress.NONE);
			return ResponseEntity.created(URI.create("/api/insights/datasets/" + dataset.name())).body(dataset);
		}
		finally {
			uploads.discard(uploadId);
		}
	}

	@PostMapping(path = "/datasets/inspect", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Infer a CSV file's delimiter, header and column types without loading it")
	CsvInspection inspect(@RequestPart("file") MultipartFile file) {
		String uploadId = uploads.keep(file);
		try {
			return datasets.inspect(uploads.file(uploadId));
		}
		finally {
			uploads.discard(uploadId);
		}
	}

	@GetMapping("/loads/{id}")
	@Operation(summary = "Progress of a background load")
	LoadJob.View load(@PathVariable String id) {
		return uploads.view(id).orElseThrow(() -> new NotFound("There is no load " + id + "."));
	}

	@GetMapping("/datasets/{name}")
	@Operation(summary = "A dataset's first rows and column statistics")
	DatasetPreview preview(@PathVariable String name, @RequestParam(defaultValue = "20") int rows) {
		return datasets.preview(name, rows);
	}

	@PatchMapping("/datasets/{name}")
	@Operation(summary = "Rename a dataset: {\"name\": \"new_name\"}")
	Dataset rename(@PathVariable String name, @RequestBody Rename rename, Principal principal) {
		if (rename.name() == null) {
			throw new InvalidInput("Give the new name: {\"name\": \"new_name\"}.");
		}
		return datasets.rename(name, rename.name(), principal.getName());
	}

	@DeleteMapping("/datasets/{name}")
	@Operation(summary = "Delete a dataset and its table")
	ResponseEntity<Void> delete(@PathVariable String name, Principal principal) {
		datasets.delete(name, principal.getName());
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/query", produces = { MediaType.APPLICATION_JSON_VALUE, "text/csv" })
	@Operation(summary = "Run one SQL query over the datasets, with the AI and time-series functions",
			description = "Answers {columns, rows, rowCount, truncated, elapsedMs, warnings, aiCalls, aiCacheHits}; "
					+ "with Accept: text/csv the rows as CSV.")
	ResponseEntity<?> query(@RequestBody SqlRequest request, Principal principal,
			@org.springframework.web.bind.annotation.RequestHeader(value = "Accept", defaultValue = "") String accept) {
		if (request.sql() == null || request.sql().isBlank()) {
			throw new InvalidInput("Send the query as {\"sql\": \"SELECT …\"}.");
		}
		QueryResult result = queries.run(request.sql(), principal.getName());
		if (accept.contains("text/csv")) {
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header("Content-Disposition", "attachment; filename=\"query.csv\"")
				.body(CsvExport.of(result));
		}
		return ResponseEntity.status(HttpStatus.OK).body(result);
	}

	@GetMapping("/functions")
	@Operation(summary = "The AI and time-series functions the SQL box knows")
	List<Map<String, String>> functions() {
		return FunctionReference.ALL;
	}

}
