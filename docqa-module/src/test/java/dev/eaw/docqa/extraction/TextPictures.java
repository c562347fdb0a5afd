package dev.eaw.docqa.extraction;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Pictures of text drawn with Java2D (as a scanner would see a page), and PDFs and TIFFs made of them. */
final class TextPictures {

	private TextPictures() {
	}

	/** Tesseract on the PATH, or the test is skipped with the reason (and fails under {@code CI=true}). */
	static Tesseract tesseract() {
		Tesseract tesseract = Tesseract.probe("tesseract", "eng", java.time.Duration.ofSeconds(60));
		if (!tesseract.available()) {
			String message = "no Tesseract: install tesseract-ocr and tesseract-ocr-eng to run the OCR tests ("
					+ tesseract.description() + ")";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(message + " (CI=true: they must run in CI)");
			}
			Assumptions.abort(message);
		}
		return tesseract;
	}

	/** A white page of 1275 × 1650 pixels (letter size at 150 DPI) with the lines in 28-pixel serif type. */
	static BufferedImage page(List<String> lines) {
		BufferedImage image = new BufferedImage(1275, 1650, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setColor(Color.BLACK);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setFont(new Font(Font.SERIF, Font.PLAIN, 28));
		int y = 150;
		for (String line : lines) {
			g.drawString(line, 120, y);
			y += 44;
		}
		g.dispose();
		return image;
	}

	/** A PDF: a {@code String[]} entry is a page of real text, a {@code List<String>} a picture of the lines only. */
	static Path pdf(Path file, List<?> pages) throws IOException {
		try (PDDocument document = new PDDocument()) {
			for (Object page : pages) {
				PDPage pdfPage = new PDPage(PDRectangle.LETTER);
				document.addPage(pdfPage);
				try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
					if (page instanceof String[] lines) {
						content.beginText();
						content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
						content.setLeading(18);
						content.newLineAtOffset(60, 700);
						for (String line : lines) {
							content.showText(line);
							content.newLine();
						}
						content.endText();
					}
					else {
						List<String> lines = ((List<?>) page).stream().map(String::valueOf).toList();
						content.drawImage(LosslessFactory.createFromImage(document, page(lines)), 0, 0,
								PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
					}
				}
			}
			document.save(file.toFile());
		}
		return file;
	}

	static Path png(Path file, List<String> lines) throws IOException {
		ImageIO.write(page(lines), "png", file.toFile());
		return file;
	}

	/** A TIFF with one picture per entry. */
	static Path tiff(Path file, List<List<String>> pages) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
		Files.deleteIfExists(file);
		try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
			writer.setOutput(out);
			writer.prepareWriteSequence(null);
			for (List<String> lines : pages) {
				writer.writeToSequence(new IIOImage(page(lines), null, null), null);
			}
			writer.endWriteSequence();
		}
		finally {
			writer.dispose();
		}
		return file;
	}

}
