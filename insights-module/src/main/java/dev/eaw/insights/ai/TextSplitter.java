package dev.eaw.insights.ai;

import java.util.ArrayList;
import java.util.List;

/**
 * SNOWFLAKE.CORTEX.SPLIT_TEXT_RECURSIVE_CHARACTER: the text is split on the first separator that occurs in it, the
 * pieces are merged back into chunks of at most {@code size} characters (consecutive chunks sharing up to
 * {@code overlap} characters of whole pieces), and a piece still too long is split the same way on the next separators.
 * A separator starts the piece after it (a markdown header starts its chunk); chunks are stripped of outer white space.
 */
public final class TextSplitter {

	/** Snowflake's default separators: paragraphs, lines, spaces, then between any two characters. */
	public static final List<String> DEFAULT = List.of("\n\n", "\n", " ", "");

	/** What {@code 'markdown'} adds in front: headers, code fences, table rows. */
	static final List<String> MARKDOWN = List.of("\n# ", "\n## ", "\n### ", "\n#### ", "\n##### ", "\n###### ", "```\n",
			"\n| ");

	private TextSplitter() {
	}

	public static List<String> split(String text, String format, int size, int overlap, List<String> separators) {
		if (size <= 0 || overlap < 0 || overlap >= size) {
			throw new IllegalArgumentException("chunk_size must be above 0 and overlap between 0 and chunk_size - 1.");
		}
		List<String> all = new ArrayList<>();
		if (format.equalsIgnoreCase("markdown")) {
			all.addAll(MARKDOWN);
		}
		else if (!format.equalsIgnoreCase("none")) {
			throw new IllegalArgumentException("format is 'none' or 'markdown', not '" + format + "'.");
		}
		all.addAll(separators);
		if (all.isEmpty() || !all.get(all.size() - 1).isEmpty()) {
			all.add("");
		}
		return chunks(text, all, size, overlap);
	}

	private static List<String> chunks(String text, List<String> separators, int size, int overlap) {
		int at = 0;
		while (at < separators.size() - 1 && !text.contains(separators.get(at))) {
			at++;
		}
		String separator = separators.get(at);
		List<String> rest = separators.subList(Math.min(at + 1, separators.size() - 1), separators.size());
		List<String> result = new ArrayList<>();
		List<String> window = new ArrayList<>();
		int length = 0;
		for (String piece : pieces(text, separator)) {
			if (piece.length() > size) {
				flush(window, result);
				window.clear();
				length = 0;
				result.addAll(separator.isEmpty() ? List.of(piece) : chunks(piece, rest, size, overlap));
				continue;
			}
			if (length + piece.length() > size) {
				flush(window, result);
				while (!window.isEmpty() && (length > overlap || length + piece.length() > size)) {
					length -= window.remove(0).length();
				}
			}
			window.add(piece);
			length += piece.length();
		}
		flush(window, result);
		return result;
	}

	private static void flush(List<String> window, List<String> result) {
		String chunk = String.join("", window).strip();
		if (!chunk.isEmpty() && (result.isEmpty() || !result.get(result.size() - 1).equals(chunk))) {
			result.add(chunk);
		}
	}

	/** The text cut before each separator (into characters when it is empty). */
	private static List<String> pieces(String text, String separator) {
		List<String> pieces = new ArrayList<>();
		if (separator.isEmpty()) {
			text.codePoints().forEach(c -> pieces.add(new String(Character.toChars(c))));
			return pieces;
		}
		int from = 0;
		for (int i = text.indexOf(separator, 1); i >= 0; i = text.indexOf(separator, i + separator.length())) {
			pieces.add(text.substring(from, i));
			from = i;
		}
		pieces.add(text.substring(from));
		return pieces;
	}

}
