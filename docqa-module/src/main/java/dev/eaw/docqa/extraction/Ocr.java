package dev.eaw.docqa.extraction;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optical character recognition with {@link Tesseract}, bounded: at most {@code maxPages} pages per document, images
 * of at most {@code maxPixels} (checked from the image's header, before anything decodes it), each page within the
 * command's time limit. PDF pages with (nearly) no text are rendered at 300 DPI in grey; PNG, JPEG and TIFF files go
 * to Tesseract as they are, a TIFF page by page.
 */
public final class Ocr {

	private static final Logger log = LoggerFactory.getLogger(Ocr.class);

	/** OCR switched off: scanned pages stay empty and images are refused. */
	public static final Ocr OFF = new Ocr(Tesseract.off(), 1, 1);

	/** A PDF page with fewer letters and digits than this in its text layer is read by OCR. */
	static final int MIN_PAGE_TEXT = 20;

	private static final float DPI = 300;

	private final Tesseract tesseract;

	private final int maxPages;

	private final long maxPixels;

	public Ocr(Tesseract tesseract, int maxPages, long maxPixels) {
		if (maxPages < 1 || maxPixels < 1) {
			throw new IllegalArgumentException("The OCR page and pixel limits must be positive");
		}
		this.tesseract = tesseract;
		this.maxPages = maxPages;
		this.maxPixels = maxPixels;
	}

	public boolean enabled() {
		return tesseract.available();
	}

	public String description() {
		return tesseract.description();
	}

	Tesseract tesseract() {
		return tesseract;
	}

	/** The pages of one PDF: hands back a page's text, or what OCR reads on it when the text is (nearly) empty. */
	ScannedPages scannedPages(PDDocument document) {
		return new ScannedPages(document);
	}

	final class ScannedPages {

		private final PDDocument document;

		private final PDFRenderer renderer;

		private int read;

		ScannedPages(PDDocument document) {
			this.document = document;
			this.renderer = new PDFRenderer(document);
		}

		/** {@code text} as extracted from page {@code page} (1-based), or the page read by OCR if it has nearly none. */
		String text(int page, String text) throws IOException {
			return scanned(text) ? read(page) : text;
		}

		/** Whether a page with this text layer is read by OCR: OCR is on and the page has (nearly) no text. */
		boolean scanned(String text) {
			return enabled() && text.codePoints().filter(Character::isLetterOrDigit).count() < MIN_PAGE_TEXT;
		}

		/** Page {@code page} (1-based) rendered and read by OCR. */
		String read(int page) throws IOException {
			if (++read > maxPages) {
				throw new Refusal("More than " + maxPages + " pages of this PDF need OCR, the limit per document.");
			}
			stopIfInterrupted();
			PDRectangle box = document.getPage(page - 1).getCropBox();
			double pixelsAtDpi = (box.getWidth() / 72.0 * DPI) * (box.getHeight() / 72.0 * DPI);
			float dpi = pixelsAtDpi <= maxPixels ? DPI : (float) (DPI * Math.sqrt(maxPixels / pixelsAtDpi));
			BufferedImage image = renderer.renderImageWithDPI(page - 1, dpi, ImageType.GRAY);
			Path png = Files.createTempFile("eaw-ocr-page", ".png");
			try {
				ImageIO.write(image, "png", png.toFile());
				image.flush();
				stopIfInterrupted();
				String ocr = tesseract.read(png, 1);
				log.debug("OCR read {} characters on page {}", ocr.length(), page);
				return ocr;
			}
			finally {
				Files.deleteIfExists(png);
			}
		}

	}

	/** The text of a PNG, JPEG or TIFF image, one page per image (a TIFF may hold several). */
	ExtractedText image(Path file) throws IOException {
		int pages = checkImage(file);
		List<String> texts = Tesseract.pages(tesseract.read(file, pages));
		ExtractedText.Builder builder = new ExtractedText.Builder();
		for (int page = 1; page <= texts.size(); page++) {
			for (String paragraph : texts.get(page - 1).split("\\r?\\n\\s*\\r?\\n")) {
				builder.paragraph(paragraph, page);
			}
		}
		return builder.build(pages);
	}

	/** How many pages the image has, each within the pixel limit, read from its header only. */
	private int checkImage(Path file) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) {
				throw new Refusal("The image could not be read.");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, false, true);
				int pages = 0;
				while (true) {
					long pixels;
					try {
						pixels = (long) reader.getWidth(pages) * reader.getHeight(pages);
					}
					catch (IndexOutOfBoundsException ex) {
						break;
					}
					if (pixels > maxPixels) {
						throw new Refusal("The image is too large to read: " + megapixels(pixels) + " megapixels, the limit is "
								+ megapixels(maxPixels) + ".");
					}
					if (++pages > maxPages) {
						throw new Refusal("The image has more than " + maxPages + " pages, the OCR limit per document.");
					}
				}
				if (pages == 0) {
					throw new Refusal("The image could not be read.");
				}
				return pages;
			}
			catch (IOException | RuntimeException ex) {
				if (ex instanceof Refusal refusal) {
					throw refusal;
				}
				log.info("Image {} could not be read", file, ex);
				throw new Refusal("The image is damaged and cannot be read.");
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static String megapixels(long pixels) {
		return String.format(java.util.Locale.ROOT, "%.0f", pixels / 1_000_000.0);
	}

	private static void stopIfInterrupted() {
		if (Thread.currentThread().isInterrupted()) {
			throw new Refusal("OCR was stopped.");
		}
	}

}
