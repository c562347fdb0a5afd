package dev.eaw.docqa.chunking;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.eaw.docqa.extraction.Block;
import dev.eaw.docqa.extraction.ExtractedText;

/** Cuts a document's text into chunks by structure, to a token budget, with overlap (see the package notes). */
public final class Chunker {

	/** Separates the headings of a heading path. */
	public static final String PATH_SEPARATOR = " › ";

	private final TokenCounter tokens;

	private final int budget;

	private final int overlap;

	public Chunker(TokenCounter tokens, int budget, int overlap) {
		if (budget < 32 || overlap < 0 || overlap >= budget / 2) {
			throw new IllegalArgumentException("A chunk budget of at least 32 tokens and an overlap under half of it are needed.");
		}
		this.tokens = tokens;
		this.budget = budget;
		this.overlap = overlap;
	}

	public List<DraftChunk> chunk(ExtractedText document) {
		List<DraftChunk> chunks = new ArrayList<>();
		String[] path = new String[7];
		List<Block> section = new ArrayList<>();
		for (Block block : document.blocks()) {
			if (block.heading()) {
				section(document, heading(path), section, chunks);
				section.clear();
				path[block.level()] = block.text();
				for (int level = block.level() + 1; level < path.length; level++) {
					path[level] = null;
				}
			}
			else {
				if (!section.isEmpty() && !java.util.Objects.equals(section.get(0).page(), block.page())) {
					section(document, heading(path), section, chunks); // a chunk never spans pages
					section.clear();
				}
				section.add(block);
			}
		}
		section(document, heading(path), section, chunks);
		return chunks;
	}

	private static String heading(@Nullable String[] path) {
		StringBuilder heading = new StringBuilder();
		for (String title : path) {
			if (title != null) {
				heading.append(heading.isEmpty() ? "" : PATH_SEPARATOR).append(title);
			}
		}
		return heading.toString();
	}

	/** Packs a section's paragraphs (or their sentences) into chunks that overlap. */
	private void section(ExtractedText document, String heading, List<Block> paragraphs, List<DraftChunk> chunks) {
		if (paragraphs.isEmpty()) {
			return;
		}
		String text = document.text();
		int room = Math.max(budget / 2, budget - (heading.isEmpty() ? 0 : tokens.count(heading) + 2));
		List<Span> units = new ArrayList<>();
		for (Block paragraph : paragraphs) {
			units.addAll(units(text, new Span(paragraph.start(), paragraph.end()), room));
		}
		int first = 0;
		int start = units.get(0).start();
		while (first < units.size()) {
			int end = first;
			int used = tokens.count(text.substring(start, units.get(first).end()));
			while (end + 1 < units.size()) {
				int next = tokens.count(text.substring(start, units.get(end + 1).end()));
				if (next > room) {
					break;
				}
				used = next;
				end++;
			}
			if (used > room && start < units.get(first).start()) {
				start = units.get(first).start(); // the overlap made even one unit too long: drop it
				continue;
			}
			int chunkEnd = units.get(end).end();
			String body = text.substring(start, chunkEnd);
			chunks.add(new DraftChunk(chunks.size(), page(document, start), heading, start, chunkEnd, body,
					tokens.count(DraftChunk.embeddingText(heading, body))));
			first = end + 1;
			if (first < units.size()) {
				start = overlapStart(text, start, chunkEnd, units.get(first).start());
			}
		}
	}

	/** A paragraph that fits, or its sentences, or (for an over-long sentence) runs of words. */
	private List<Span> units(String text, Span paragraph, int room) {
		if (tokens.count(paragraph.of(text)) <= room) {
			return List.of(paragraph);
		}
		List<Span> units = new ArrayList<>();
		for (Span sentence : Sentences.split(text, paragraph.start(), paragraph.end())) {
			if (tokens.count(sentence.of(text)) <= room) {
				units.add(sentence);
			}
			else {
				units.addAll(words(text, sentence, room));
			}
		}
		return units;
	}

	private List<Span> words(String text, Span sentence, int room) {
		List<Span> pieces = new ArrayList<>();
		int start = sentence.start();
		int lastGood = -1;
		for (int i = start; i <= sentence.end(); i++) {
			if (i == sentence.end() || Character.isWhitespace(text.charAt(i))) {
				if (tokens.count(text.substring(start, i)) > room && lastGood > start) {
					pieces.add(new Span(start, lastGood));
					start = lastGood;
					while (start < i && Character.isWhitespace(text.charAt(start))) {
						start++;
					}
				}
				lastGood = i;
			}
		}
		if (start < sentence.end()) {
			pieces.add(new Span(start, sentence.end()));
		}
		return pieces;
	}

	/** Where the next chunk starts: whole sentences from the end of the last one, up to the overlap, else at {@code next}. */
	private int overlapStart(String text, int chunkStart, int chunkEnd, int next) {
		if (overlap == 0) {
			return next;
		}
		List<Span> sentences = Sentences.split(text, chunkStart, chunkEnd);
		int start = next;
		for (int i = sentences.size() - 1; i > 0; i--) {
			int candidate = sentences.get(i).start();
			if (tokens.count(text.substring(candidate, chunkEnd)) > overlap) {
				break;
			}
			start = candidate;
		}
		return start;
	}

	private static @Nullable Integer page(ExtractedText document, int offset) {
		Integer page = null;
		for (Block block : document.blocks()) {
			if (block.start() > offset) {
				break;
			}
			page = block.page();
		}
		return page;
	}

}
