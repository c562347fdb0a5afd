package dev.eaw.docqa.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.eaw.docqa.extraction.PdfLines.Line;

/**
 * Turns a PDF's lines back into the paragraphs a reader sees. Running headers and footers (a first or last line that
 * repeats, digits aside, on at least half the pages) and bare page numbers are dropped. A new paragraph starts where
 * the gap to the line above is clearly wider than the usual line spacing, the line is indented, or the font size or
 * weight changes; a short bold or larger-type paragraph without a full stop is a heading. A paragraph that runs on to
 * the next page (its last line there is full, or it has no end punctuation and the next page goes on in lower case)
 * stays one. Lines are joined with a space,
 * except at an end-of-line hyphen: before a lower-case letter it is a word broken by the typesetter
 * ("inter-" + "national" = "international") unless the document spells the compound with a hyphen elsewhere
 * ("well-known"); before a capital or a digit it is a real hyphen ("non-EU", "COVID-19").
 */
final class PdfReflow {

	private static final Pattern PAGE_NUMBER = Pattern
		.compile("(?i)[-\u2013\u2014\\s]*(page\\s*)?\\d+(\\s*(/|of)\\s*\\d+)?[-\u2013\u2014\\s]*");

	private static final Pattern COMPOUND = Pattern.compile("\\p{L}+(?:-\\p{L}+)+");

	/** How many lines at the top and at the bottom of a page may be running headers or footers. */
	private static final int EDGE = 2;

	/**
	 * {@code full}: its last line runs (nearly) to the right margin, so it may go on on the next page; {@code lines}:
	 * how many it has (a one-line paragraph that is not full is a title, not a continuation).
	 */
	private record Paragraph(int level, StringBuilder text, int page, boolean full, int lines) {
	}

	private final List<List<Line>> pages;

	private final Set<String> compounds = new HashSet<>();

	private float bodySize;

	private float spacing;

	private float rightMargin;

	private PdfReflow(List<List<Line>> pages) {
		this.pages = pages;
	}

	static ExtractedText reflow(List<Line> lines, int pageCount) {
		List<List<Line>> pages = new ArrayList<>();
		for (int page = 1; page <= pageCount; page++) {
			pages.add(new ArrayList<>());
		}
		for (Line line : lines) {
			pages.get(line.page() - 1).add(line);
		}
		return new PdfReflow(pages).build(pageCount);
	}

	private ExtractedText build(int pageCount) {
		dropRunningLines();
		measure();
		List<Paragraph> paragraphs = new ArrayList<>();
		int lastPage = -1; // the page of the last paragraph's end: only the next page can continue it
		for (int number = 0; number < pages.size(); number++) {
			List<Paragraph> onPage = paragraphs(pages.get(number));
			if (onPage.isEmpty()) {
				continue;
			}
			boolean adjacent = lastPage == number - 1;
			lastPage = number;
			if (adjacent && !paragraphs.isEmpty() && runsOn(paragraphs.get(paragraphs.size() - 1), onPage.get(0))) {
				Paragraph previous = paragraphs.remove(paragraphs.size() - 1);
				Paragraph next = onPage.remove(0);
				append(previous.text(), next.text().toString());
				paragraphs.add(new Paragraph(previous.level(), previous.text(), previous.page(), next.full(),
						previous.lines() + next.lines()));
			}
			paragraphs.addAll(onPage);
		}
		ExtractedText.Builder builder = new ExtractedText.Builder();
		for (Paragraph paragraph : paragraphs) {
			if (paragraph.level() > 0) {
				builder.heading(paragraph.level(), paragraph.text().toString(), paragraph.page());
			}
			else {
				builder.paragraph(paragraph.text().toString(), paragraph.page());
			}
		}
		return builder.build(pageCount);
	}

	private void dropRunningLines() {
		if (pages.size() < 2) {
			return;
		}
		Map<String, Integer> seen = new HashMap<>();
		for (List<Line> page : pages) {
			Set<String> keys = new HashSet<>();
			for (int i = 0; i < page.size(); i++) {
				if (i < EDGE || i >= page.size() - EDGE) {
					keys.add(key(page, i));
				}
			}
			keys.forEach(key -> seen.merge(key, 1, Integer::sum));
		}
		int often = Math.max(2, (pages.size() + 1) / 2);
		for (List<Line> page : pages) {
			List<Line> kept = new ArrayList<>();
			for (int i = 0; i < page.size(); i++) {
				boolean edge = i < EDGE || i >= page.size() - EDGE;
				boolean running = seen.getOrDefault(key(page, i), 0) >= often
						|| PAGE_NUMBER.matcher(page.get(i).text()).matches();
				if (!(edge && running)) {
					kept.add(page.get(i));
				}
			}
			page.clear();
			page.addAll(kept);
		}
	}

	/** A line's text with digits blurred and its end of the page: "Page 3" at the bottom = "Page 7" at the bottom. */
	private static String key(List<Line> page, int i) {
		String where = i < EDGE ? "top:" : "bottom:";
		return where + page.get(i).text().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("\\s+", " ");
	}

	/** The body's font size (the most common, by characters) and line spacing (the most common gap between lines). */
	private void measure() {
		Map<Float, Integer> sizes = new HashMap<>();
		Map<Float, Integer> gaps = new HashMap<>();
		for (List<Line> page : pages) {
			for (int i = 0; i < page.size(); i++) {
				Line line = page.get(i);
				sizes.merge(round(line.size()), line.text().length(), Integer::sum);
				if (i > 0 && page.get(i - 1).size() == line.size() && line.top() > page.get(i - 1).top()) {
					gaps.merge(round(line.top() - page.get(i - 1).top()), 1, Integer::sum);
				}
			}
		}
		bodySize = mostCommon(sizes, 10);
		rightMargin = (float) pages.stream().flatMap(List::stream).filter(line -> round(line.size()) == bodySize)
			.mapToDouble(Line::right).max().orElse(0);
		spacing = mostCommon(gaps, bodySize * 1.2f);
		for (List<Line> page : pages) {
			for (Line line : page) {
				Matcher matcher = COMPOUND.matcher(line.text());
				while (matcher.find()) {
					compounds.add(matcher.group().toLowerCase(Locale.ROOT));
				}
			}
		}
	}

	private static float round(float value) {
		return Math.round(value * 2) / 2f;
	}

	private static float mostCommon(Map<Float, Integer> counts, float fallback) {
		return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(fallback);
	}

	private List<Paragraph> paragraphs(List<Line> page) {
		List<Paragraph> paragraphs = new ArrayList<>();
		List<Line> current = new ArrayList<>();
		for (Line line : page) {
			if (!current.isEmpty() && startsParagraph(current.get(current.size() - 1), line)) {
				paragraphs.add(paragraph(current));
				current = new ArrayList<>();
			}
			current.add(line);
		}
		if (!current.isEmpty()) {
			paragraphs.add(paragraph(current));
		}
		return paragraphs;
	}

	private boolean startsParagraph(Line above, Line line) {
		float gap = line.top() - above.top();
		return gap <= 0 || gap > Math.max(spacing, above.size()) * 1.25f + 0.5f
				|| Math.abs(line.size() - above.size()) > 0.5f || line.bold() != above.bold()
				|| line.left() - above.left() > line.size();
	}

	private Paragraph paragraph(List<Line> lines) {
		StringBuilder text = new StringBuilder();
		for (Line line : lines) {
			append(text, line.text());
		}
		Line first = lines.get(0);
		boolean headingType = first.size() > bodySize + 0.5f || first.bold();
		boolean heading = headingType && lines.size() <= 2 && !text.toString().matches("(?s).*[.,;]\\s*");
		int level = !heading ? 0 : first.size() >= bodySize * 1.5f ? 1 : 2;
		Line last = lines.get(lines.size() - 1);
		boolean full = last.right() - last.left() >= 0.8f * (rightMargin - last.left());
		return new Paragraph(level, text, first.page(), full, lines.size());
	}

	private boolean runsOn(Paragraph previous, Paragraph next) {
		String end = previous.text().toString().strip();
		String start = next.text().toString();
		boolean unfinished = !end.isEmpty() && ".!?:;\"\u201D)".indexOf(end.charAt(end.length() - 1)) < 0
				&& !start.isEmpty() && Character.isLowerCase(start.charAt(0));
		boolean continued = previous.full() && (next.lines() > 1 || next.full());
		return previous.level() == 0 && next.level() == 0 && (unfinished || continued);
	}

	/** Appends the next line: with a space, or across an end-of-line hyphen as the class comment says. */
	private void append(StringBuilder text, String line) {
		int n = text.length();
		if (n == 0) {
			text.append(line);
			return;
		}
		boolean hyphen = n >= 2 && text.charAt(n - 1) == '-' && Character.isLetter(text.charAt(n - 2));
		if (!hyphen || line.isEmpty() || !Character.isLetterOrDigit(line.charAt(0))) {
			text.append(' ').append(line);
			return;
		}
		if (Character.isLowerCase(line.charAt(0)) && !compounds.contains(compound(text, line))) {
			text.setLength(n - 1);
		}
		text.append(line);
	}

	/** The hyphenated word the two pieces would make: "well-" + "known loaner" = "well-known". */
	private static String compound(StringBuilder text, String line) {
		int start = text.length() - 1;
		while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '-')) {
			start--;
		}
		int end = 0;
		while (end < line.length() && (Character.isLetter(line.charAt(end)) || line.charAt(end) == '-')) {
			end++;
		}
		return (text.substring(start) + line.substring(0, end)).toLowerCase(Locale.ROOT);
	}

}
