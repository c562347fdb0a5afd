package dev.eaw.docqa.extraction;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A document's text, blocks separated by blank lines, and its blocks with their offsets; pages for PDFs. */
public record ExtractedText(String text, List<Block> blocks, @Nullable Integer pages) {

	public boolean blank() {
		return text.isBlank();
	}

	/** Collects blocks, normalising white space inside each, and keeps their offsets. */
	public static final class Builder {

		private final StringBuilder text = new StringBuilder();

		private final List<Block> blocks = new ArrayList<>();

		public Builder heading(int level, String content, @Nullable Integer page) {
			return add(Math.max(1, Math.min(6, level)), content, page);
		}

		public Builder paragraph(String content, @Nullable Integer page) {
			return add(0, content, page);
		}

		private Builder add(int level, String content, @Nullable Integer page) {
			String clean = content.replaceAll("[\\s\\u00a0]+", " ").trim();
			if (clean.isEmpty()) {
				return this;
			}
			if (!text.isEmpty()) {
				text.append("\n\n");
			}
			int start = text.length();
			text.append(clean);
			blocks.add(new Block(level, clean, start, text.length(), page));
			return this;
		}

		public ExtractedText build(@Nullable Integer pages) {
			return new ExtractedText(text.toString(), List.copyOf(blocks), pages);
		}

	}

}
