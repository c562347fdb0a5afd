package dev.eaw.docqa.extraction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDF text reflowed into paragraphs and headings ({@link PdfReflow}), each tagged with its page; a page with (nearly)
 * no text is read by {@link Ocr} when it is on, its paragraphs placed among the others by page. Encrypted files (a
 * user password) and files PDFBox cannot parse are refused.
 */
final class PdfExtraction {

	private static final Logger log = LoggerFactory.getLogger(PdfExtraction.class);

	private PdfExtraction() {
	}

	static ExtractedText extract(Path file, Ocr ocr) {
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			int pages = document.getNumberOfPages();
			if (pages == 0) {
				throw new Refusal("Corrupt PDF: it has no pages.");
			}
			Map<Integer, List<PdfLines.Line>> byPage = PdfLines.of(document)
				.stream()
				.collect(Collectors.groupingBy(PdfLines.Line::page));
			Ocr.ScannedPages scanned = ocr.scannedPages(document);
			Map<Integer, String> read = new TreeMap<>();
			List<PdfLines.Line> text = new ArrayList<>();
			for (int page = 1; page <= pages; page++) {
				List<PdfLines.Line> onPage = byPage.getOrDefault(page, List.of());
				String layer = String.join("\n", onPage.stream().map(PdfLines.Line::text).toList());
				if (scanned.scanned(layer)) {
					read.put(page, scanned.read(page));
				}
				else {
					text.addAll(onPage);
				}
			}
			ExtractedText reflowed = PdfReflow.reflow(text, pages);
			return read.isEmpty() ? reflowed : withScannedPages(reflowed, read, pages);
		}
		catch (InvalidPasswordException ex) {
			throw new Refusal("Encrypted PDF: it needs a password to open; remove the protection and upload it again.");
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Refusal refusal) {
				throw refusal;
			}
			log.info("PDF {} could not be read", file, ex);
			throw new Refusal("Corrupt PDF: the file is damaged and cannot be read.");
		}
	}

	/** The reflowed text pages with the OCR-read pages' paragraphs in page order. */
	private static ExtractedText withScannedPages(ExtractedText reflowed, Map<Integer, String> read, int pages) {
		ExtractedText.Builder builder = new ExtractedText.Builder();
		Iterator<Map.Entry<Integer, String>> next = read.entrySet().iterator();
		Map.Entry<Integer, String> pending = next.next();
		for (Block block : reflowed.blocks()) {
			int page = block.page() == null ? 0 : block.page();
			while (pending != null && pending.getKey() < page) {
				paragraphs(builder, pending);
				pending = next.hasNext() ? next.next() : null;
			}
			if (block.heading()) {
				builder.heading(block.level(), block.text(), block.page());
			}
			else {
				builder.paragraph(block.text(), block.page());
			}
		}
		while (pending != null) {
			paragraphs(builder, pending);
			pending = next.hasNext() ? next.next() : null;
		}
		return builder.build(pages);
	}

	private static void paragraphs(ExtractedText.Builder builder, Map.Entry<Integer, String> page) {
		for (String paragraph : page.getValue().split("\\r?\\n\\s*\\r?\\n")) {
			builder.paragraph(paragraph, page.getKey());
		}
	}

}
