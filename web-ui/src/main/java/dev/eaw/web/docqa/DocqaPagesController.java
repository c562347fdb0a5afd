package dev.eaw.web.docqa;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.eaw.docqa.Chunk;
import dev.eaw.docqa.Document;
import dev.eaw.docqa.DocumentCollection;
import dev.eaw.docqa.DocumentCollections;
import dev.eaw.docqa.DocumentDetail;
import dev.eaw.docqa.DocumentIngestion;
import dev.eaw.docqa.OcrStatus;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.web.support.Flash;

/**
 * The Document Q&amp;A pages: the collections, a collection with its documents and uploads, the chat page and the
 * document viewer. Uploads, polling and the streamed answers go through the REST API from the pages' scripts.
 */
@Controller
@RequestMapping("/docqa")
class DocqaPagesController {

	/** The API's largest page of chunks. */
	private static final int CHUNK_PAGE = 500;

	private final DocumentCollections collections;

	private final DocumentIngestion ingestion;

	private final OcrStatus ocr;

	DocqaPagesController(DocumentCollections collections, DocumentIngestion ingestion, OcrStatus ocr) {
		this.collections = collections;
		this.ingestion = ingestion;
		this.ocr = ocr;
	}

	/** A collection with the number of chunks of its documents. */
	record CollectionRow(DocumentCollection collection, long chunks) {
	}

	/** The chunks under one page (PDFs) or heading, in order. */
	record Section(@Nullable Integer page, String heading, List<Chunk> chunks) {
	}

	@GetMapping
	String collections(Model model) {
		model.addAttribute("collections", collections.list()
			.stream()
			.map(c -> new CollectionRow(c,
					ingestion.documents(c.name()).stream().mapToLong(Document::chunks).sum()))
			.toList());
		return "docqa/collections";
	}

	@PostMapping
	String create(@RequestParam String name, @RequestParam(defaultValue = "") String description,
			Principal principal, RedirectAttributes redirect) {
		try {
			DocumentCollection created = collections.create(name.strip(), description.strip(), principal.getName());
			Flash.done(redirect, "docqa.collection.created.done", created.name());
			return "redirect:/docqa/" + created.name();
		}
		catch (ErrorResponseException ex) {
			Flash.refused(redirect, ex);
			return "redirect:/docqa";
		}
	}

	@GetMapping("/{c}")
	String collection(@PathVariable String c, Model model) {
		model.addAttribute("collection", collections.get(c));
		model.addAttribute("documents", ingestion.documents(c));
		model.addAttribute("embeddingModels", List.of("bge-small-en-v1.5-q", "all-minilm-l6-v2-q"));
		model.addAttribute("ocr", ocr);
		return "docqa/collection";
	}

	@PostMapping("/{c}/delete")
	String delete(@PathVariable String c, Principal principal, RedirectAttributes redirect) {
		collections.delete(collections.get(c).name(), principal.getName());
		Flash.done(redirect, "docqa.collection.deleted", c);
		return "redirect:/docqa";
	}

	@PostMapping("/{c}/reindex")
	String reindex(@PathVariable String c, @RequestParam String model, Principal principal,
			RedirectAttributes redirect) {
		try {
			int documents = ingestion.reindex(c, model, principal.getName());
			Flash.done(redirect, "docqa.collection.reindex.done", c, model, documents);
		}
		catch (InvalidInput ex) {
			Flash.refused(redirect, ex);
		}
		return "redirect:/docqa/" + collections.get(c).name();
	}

	@GetMapping("/{c}/chat")
	String chat(@PathVariable String c, Model model) {
		model.addAttribute("collection", collections.get(c));
		return "docqa/chat";
	}

	@GetMapping("/{c}/documents/{id}")
	String document(@PathVariable String c, @PathVariable long id, @RequestParam(required = false) @Nullable Long chunk,
			@RequestParam(required = false) @Nullable Integer from, @RequestParam(required = false) @Nullable Integer to,
			Model model) {
		DocumentDetail first = ingestion.detail(c, id, 0, CHUNK_PAGE);
		List<Chunk> chunks = new ArrayList<>(first.chunks());
		while (chunks.size() < first.totalChunks()) {
			List<Chunk> more = ingestion.detail(c, id, chunks.size(), CHUNK_PAGE).chunks();
			if (more.isEmpty()) {
				break;
			}
			chunks.addAll(more);
		}
		model.addAttribute("collection", collections.get(c));
		model.addAttribute("document", first.document());
		model.addAttribute("metadataText", first.document().metadata().entrySet().stream()
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(java.util.stream.Collectors.joining("\n")));
		model.addAttribute("sections", sections(chunks));
		model.addAttribute("highlight", chunk);
		model.addAttribute("marked", chunks.stream()
			.filter(ch -> chunk != null && ch.id() == chunk)
			.findFirst()
			.map(ch -> Marked.of(ch.text(), from, to))
			.orElse(null));
		return "docqa/document";
	}

	@PostMapping("/{c}/documents/{id}/metadata")
	String metadata(@PathVariable String c, @PathVariable long id, @RequestParam(defaultValue = "") String metadata,
			Principal principal, RedirectAttributes redirect) {
		try {
			ingestion.metadata(c, id, lines(metadata), principal.getName());
			Flash.done(redirect, "docqa.metadata.done");
		}
		catch (InvalidInput ex) {
			Flash.refused(redirect, ex);
		}
		return "redirect:/docqa/" + collections.get(c).name() + "/documents/" + id;
	}

	/** Metadata as the form sends it: one {@code key=value} a line, blank lines skipped. */
	static Map<String, String> lines(String text) {
		Map<String, String> metadata = new LinkedHashMap<>();
		for (String line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			int equals = line.indexOf('=');
			if (equals < 0) {
				throw new InvalidInput("Write the metadata as one key=value a line, not '" + line.strip() + "'.");
			}
			metadata.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
		}
		return metadata;
	}

	/** The highlighted chunk's text around the cited sentences, which the page wraps in {@code <mark>}. */
	record Marked(String before, String quote, String after) {

		/** Null unless {@code [from, to)} is a non-empty range inside the text (a stale or edited link marks nothing). */
		static @Nullable Marked of(String text, @Nullable Integer from, @Nullable Integer to) {
			if (from == null || to == null || from < 0 || to <= from || to > text.length()) {
				return null;
			}
			return new Marked(text.substring(0, from), text.substring(from, to), text.substring(to));
		}

	}

	/** Consecutive chunks of the same page and heading grouped, in the document's order. */
	static List<Section> sections(List<Chunk> chunks) {
		List<Section> sections = new ArrayList<>();
		for (Chunk chunk : chunks) {
			Section last = sections.isEmpty() ? null : sections.get(sections.size() - 1);
			if (last == null || !Objects.equals(last.page(), chunk.page()) || !last.heading().equals(chunk.heading())) {
				last = new Section(chunk.page(), chunk.heading(), new ArrayList<>());
				sections.add(last);
			}
			last.chunks().add(chunk);
		}
		return sections;
	}

}
