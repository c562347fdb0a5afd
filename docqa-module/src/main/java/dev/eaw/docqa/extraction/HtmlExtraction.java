package dev.eaw.docqa.extraction;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** HTML body text: {@code h1}–{@code h6} as headings, every block element ends a paragraph; scripts, styles and navigation dropped. */
final class HtmlExtraction {

	private static final Set<String> BREAKS = Set.of("br");

	private HtmlExtraction() {
	}

	static ExtractedText extract(String html) {
		org.jsoup.nodes.Document page = Jsoup.parse(html);
		page.select("script, style, noscript, template, nav, head").remove();
		ExtractedText.Builder builder = new ExtractedText.Builder();
		StringBuilder current = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text) {
					current.append(text.getWholeText());
				}
				else if (node instanceof Element element) {
					if (BREAKS.contains(element.normalName())) {
						current.append(' ');
					}
					else if (element.isBlock()) {
						flush(builder, current);
					}
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && element.isBlock()) {
					int level = headingLevel(element.normalName());
					if (level > 0) {
						builder.heading(level, current.toString(), null);
						current.setLength(0);
					}
					else {
						flush(builder, current);
					}
				}
			}

		}, page.body());
		flush(builder, current);
		return builder.build(null);
	}

	private static void flush(ExtractedText.Builder builder, StringBuilder current) {
		builder.paragraph(current.toString(), null);
		current.setLength(0);
	}

	private static int headingLevel(String tag) {
		return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6'
				? tag.charAt(1) - '0' : 0;
	}

}
