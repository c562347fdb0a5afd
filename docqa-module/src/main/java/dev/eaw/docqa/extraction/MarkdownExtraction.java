package dev.eaw.docqa.extraction;

import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/** Markdown through commonmark: ATX and setext headings as headings, other top-level blocks (list items one by one) as paragraphs. */
final class MarkdownExtraction {

	private static final Parser PARSER = Parser.builder().build();

	private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

	private MarkdownExtraction() {
	}

	static ExtractedText extract(String markdown) {
		ExtractedText.Builder builder = new ExtractedText.Builder();
		for (Node node = PARSER.parse(markdown).getFirstChild(); node != null; node = node.getNext()) {
			add(builder, node);
		}
		return builder.build(null);
	}

	private static void add(ExtractedText.Builder builder, Node node) {
		if (node instanceof Heading heading) {
			builder.heading(heading.getLevel(), TEXT.render(heading), null);
		}
		else if (node instanceof ListBlock list) {
			for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
				if (item instanceof ListItem) {
					// the renderer writes nothing for a list item on its own: render what it holds
					StringBuilder text = new StringBuilder();
					for (Node part = item.getFirstChild(); part != null; part = part.getNext()) {
						text.append(text.isEmpty() ? "" : " ").append(TEXT.render(part));
					}
					builder.paragraph(text.toString(), null);
				}
			}
		}
		else {
			builder.paragraph(TEXT.render(node), null);
		}
	}

}
