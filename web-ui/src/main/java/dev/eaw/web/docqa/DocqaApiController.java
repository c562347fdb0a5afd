package dev.eaw.web.docqa;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.eaw.docqa.Document;
import dev.eaw.docqa.DocumentCollection;
import dev.eaw.docqa.DocumentCollections;
import dev.eaw.docqa.DocumentDetail;
import dev.eaw.docqa.DocumentFile;
import dev.eaw.docqa.DocumentIngestion;
import dev.eaw.docqa.IncomingFile;
import dev.eaw.docqa.UploadOutcome;
import dev.eaw.kernel.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/docqa/collections")
@Tag(name = "Document Q&A", description = "Collections of documents, ingested in the background, searched and asked")
class DocqaApiController {

	private final DocumentCollections collections;

	private final DocumentIngestion ingestion;

	DocqaApiController(DocumentCollections collections, DocumentIngestion ingestion) {
		this.collections = collections;
		this.ingestion = ingestion;
	}

	record NewCollection(@Nullable String name, @Nullable String description) {
	}

	@PostMapping
	@Operation(summary = "Create a collection: {\"name\": \"handbook\", \"description\": \"…\"}",
			description = "Names are lower-case letters, digits, '-' and '_', at most 63 characters; a taken name is 409.")
	ResponseEntity<DocumentCollection> create(@RequestBody NewCollection body, Principal principal) {
		if (body.name() == null) {
			throw new InvalidInput("Give the collection's name: {\"name\": \"handbook\"}.");
		}
		DocumentCollection created = collections.create(body.name(),
				body.description() == null ? "" : body.description(), principal.getName());
		return ResponseEntity.created(URI.create("/api/docqa/collections/" + created.name())).body(created);
	}

	@GetMapping
	@Operation(summary = "All collections with their document counts")
	List<DocumentCollection> list() {
		return collections.list();
	}

	@GetMapping("/{c}")
	@Operation(summary = "One collection")
	DocumentCollection get(@PathVariable String c) {
		return collections.get(c);
	}

	@DeleteMapping("/{c}")
	@Operation(summary = "Delete a collection with its documents, chunks, vectors and files")
	ResponseEntity<Void> delete(@PathVariable String c, Principal principal) {
		collections.delete(c, principal.getName());
		return ResponseEntity.noContent().build();
	}

	record Reindex(@Nullable String model) {
	}

	@PostMapping("/{c}/reindex")
	@Operation(summary = "Re-index the collection with another embedding model: {\"model\": \"all-minilm-l6-v2-q\"}",
			description = "Models: bge-small-en-v1.5-q (the default) and all-minilm-l6-v2-q; an unknown one is 400. "
					+ "Answers 202 with the collection (now reporting the new model); its documents go back through "
					+ "chunking (to the model's token budget) and embedding in the background, each with status and "
					+ "progress, and are left out of searches until ready again.")
	ResponseEntity<DocumentCollection> reindex(@PathVariable String c, @RequestBody Reindex body, Principal principal) {
		if (body.model() == null || body.model().isBlank()) {
			throw new InvalidInput("Give the embedding model: {\"model\": \"all-minilm-l6-v2-q\"}.");
		}
		ingestion.reindex(c, body.model(), principal.getName());
		return ResponseEntity.accepted().body(collections.get(c));
	}

	@PostMapping(path = "/{c}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload documents (one or more multipart parts named 'files', optional metadata)",
			description = "PDF, DOCX, HTML, Markdown or plain text. Answers 202 with one entry per file: 'queued' (with "
					+ "the new document's id, ingested in the background), 'duplicate' (the same bytes are already in "
					+ "the collection: the existing id), 'retried' (the same bytes had failed: that document is "
					+ "queued again) or 'refused' with the reason (empty, too large, unsupported type). "
					+ "At most 50 files per upload (eaw.docqa.max-files-per-upload), more is 400. Metadata for every new "
					+ "document: form fields metadata.<key>=<value> or a field metadata={\"department\": \"HR\"}; at "
					+ "most 20 keys of 1-64 characters [A-Za-z0-9_.-], values of at most 256 characters, else 400.")
	ResponseEntity<List<UploadOutcome>> upload(@PathVariable String c, @RequestPart("files") List<MultipartFile> files,
			@RequestParam MultiValueMap<String, String> form, Principal principal) {
		List<IncomingFile> incoming = files.stream()
			.map(f -> new IncomingFile(f.getOriginalFilename() == null ? f.getName() : f.getOriginalFilename(),
					f.getSize(), f.getContentType(), f))
			.toList();
		List<UploadOutcome> outcomes = ingestion.upload(c, incoming, MetadataParams.of(form), principal.getName());
		return ResponseEntity.accepted().body(outcomes);
	}

	@GetMapping("/{c}/documents")
	@Operation(summary = "The collection's documents with their status (queued, extracting, embedding, ready, failed), "
			+ "reason and progress, newest first")
	List<Document> documents(@PathVariable String c) {
		return ingestion.documents(c);
	}

	@GetMapping("/{c}/documents/{id}")
	@Operation(summary = "A document with a page of its chunks (offset, limit ≤ 500)")
	DocumentDetail document(@PathVariable String c, @PathVariable long id, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "50") int limit) {
		return ingestion.detail(c, id, offset, limit);
	}

	@PatchMapping("/{c}/documents/{id}")
	@Operation(summary = "Replace a document's metadata: {\"metadata\": {\"department\": \"HR\"}}",
			description = "The same rules as at upload; {} clears it. Answers the document.")
	Document patchDocument(@PathVariable String c, @PathVariable long id,
			@RequestBody(required = false) @Nullable JsonNode body, Principal principal) {
		if (body == null || !body.isObject() || !body.has("metadata")) {
			throw new InvalidInput("Send the metadata as {\"metadata\": {\"department\": \"HR\"}}.");
		}
		return ingestion.metadata(c, id, MetadataParams.of(body.get("metadata"), "metadata"), principal.getName());
	}

	@GetMapping("/{c}/documents/{id}/content")
	@Operation(summary = "The original file as uploaded, always as a download",
			description = "Served as an attachment, sandboxed (Content-Security-Policy: sandbox) and never sniffed: "
					+ "an uploaded HTML page is never shown as a page of this site.")
	ResponseEntity<Resource> content(@PathVariable String c, @PathVariable long id) {
		DocumentFile file = ingestion.file(c, id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.header("Content-Security-Policy", "sandbox; default-src 'none'")
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(file.path()));
	}

	@PostMapping("/{c}/documents/{id}/retry")
	@Operation(summary = "Ingest a failed document again, from its kept file",
			description = "Answers 202 with the document, queued again; a document that is not failed is 409. "
					+ "Documents that failed because the vector store was not reachable are also retried "
					+ "automatically once it answers (eaw.docqa.retry-interval), and uploading a failed document's "
					+ "bytes again retries it (outcome 'retried').")
	ResponseEntity<Document> retry(@PathVariable String c, @PathVariable long id, Principal principal) {
		ingestion.retry(c, id, principal.getName());
		return ResponseEntity.accepted().body(ingestion.document(c, id));
	}

	@DeleteMapping("/{c}/documents/{id}")
	@Operation(summary = "Delete a document with its chunks, vectors and file")
	ResponseEntity<Void> deleteDocument(@PathVariable String c, @PathVariable long id, Principal principal) {
		ingestion.delete(c, id, principal.getName());
		return ResponseEntity.noContent().build();
	}

}
