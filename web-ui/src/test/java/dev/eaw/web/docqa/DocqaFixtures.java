package dev.eaw.web.docqa;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/** Test documents made on the spot with PDFBox, POI and ImageIO: no binary fixtures. */
final class DocqaFixtures {

	private DocqaFixtures() {
	}

	/** A PDF with one page per entry, each page's lines written top-down. */
	static byte[] pdf(List<List<String>> pages) {
		return pdf(pages, null);
	}

	/** The same PDF protected by a user password (it cannot be opened without it). */
	static byte[] encryptedPdf(List<List<String>> pages) {
		StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
				new AccessPermission());
		policy.setEncryptionKeyLength(128);
		return pdf(pages, policy);
	}

	private static byte[] pdf(List<List<String>> pages, StandardProtectionPolicy policy) {
		try (PDDocument document = new PDDocument()) {
			for (List<String> lines : pages) {
				textPage(document, lines);
			}
			if (policy != null) {
				document.protect(policy);
			}
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A page of text: the lines written top-down. */
	private static void textPage(PDDocument document, List<String> lines) throws IOException {
		PDPage page = new PDPage();
		document.addPage(page);
		try (PDPageContentStream content = new PDPageContentStream(document, page)) {
			content.beginText();
			content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
			content.setLeading(16);
			content.newLineAtOffset(60, 720);
			for (String line : lines) {
				content.showText(line);
				content.newLine();
			}
			content.endText();
		}
	}

	/** A PDF whose only page is a picture: no text to extract. */
	static byte[] imageOnlyPdf() {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			PDImageXObject image = LosslessFactory.createFromImage(document, picture());
			try (PDPageContentStream content = new PDPageContentStream(document, page)) {
				content.drawImage(image, 60, 400, 300, 200);
			}
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] save(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}

	static byte[] gif() {
		return image(picture(), "gif");
	}

	static byte[] image(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no ImageIO writer for " + format);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A picture of a page as a scanner sees it: black 28-pixel serif lines on white, 1275 × 1650 (150 DPI letter). */
	static BufferedImage scan(List<String> lines) {
		BufferedImage image = new BufferedImage(1275, 1650, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SERIF, Font.PLAIN, 28));
		for (int i = 0; i < lines.size(); i++) {
			g.drawString(lines.get(i), 120, 150 + 44 * i);
		}
		g.dispose();
		return image;
	}

	/** A PDF whose first page is text and whose other pages are scans: only pictures of their lines, no text layer. */
	static byte[] mixedPdf(List<String> firstPage, List<List<String>> scannedPages) {
		try (PDDocument document = new PDDocument()) {
			textPage(document, firstPage);
			for (List<String> lines : scannedPages) {
				PDPage page = new PDPage(PDRectangle.LETTER);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.drawImage(LosslessFactory.createFromImage(document, scan(lines)), 0, 0,
							PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight());
				}
			}
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A multi-page TIFF, one scanned page per entry. */
	static byte[] tiff(List<List<String>> pages) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(out);
			writer.prepareWriteSequence(null);
			for (List<String> lines : pages) {
				writer.writeToSequence(new IIOImage(scan(lines), null, null), null);
			}
			writer.endWriteSequence();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static BufferedImage picture() {
		BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, 120, 80);
		g.setColor(Color.BLACK);
		g.drawString("scanned page", 10, 40);
		g.dispose();
		return image;
	}

	/** A Word document: entries starting with "# " or "## " are headings (styles Heading1, Heading2), others body text. */
	static byte[] docx(List<String> paragraphs) {
		try (XWPFDocument document = new XWPFDocument()) {
			for (String text : paragraphs) {
				XWPFParagraph paragraph = document.createParagraph();
				if (text.startsWith("## ")) {
					paragraph.setStyle("Heading2");
					text = text.substring(3);
				}
				else if (text.startsWith("# ")) {
					paragraph.setStyle("Heading1");
					text = text.substring(2);
				}
				paragraph.createRun().setText(text);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A real DOCX (made by POI) whose {@code word/document.xml} is replaced by {@code bytes} of paragraphs, each one of
	 * forty sentences: it packs about 30 to 1 (well inside the zip-bomb ratio POI checks) yet unpacks huge.
	 */
	static byte[] expandingDocx(int bytes) {
		String[] words = { "boiler", "grinder", "pressure", "roast", "steam", "valve", "filter", "brew", "bean",
				"water", "crema", "tamper", "cup", "milk", "shot", "dose" };
		Random random = new Random(9);
		String[] sentences = new String[40];
		for (int i = 0; i < sentences.length; i++) {
			StringBuilder sentence = new StringBuilder();
			for (int w = 0; w < 12; w++) {
				sentence.append(words[random.nextInt(words.length)]).append(' ');
			}
			sentences[i] = "<w:p><w:r><w:t>" + sentence + "</w:t></w:r></w:p>";
		}
		StringBuilder xml = new StringBuilder(bytes + 200).append(DOCUMENT_START);
		while (xml.length() < bytes) {
			xml.append(sentences[random.nextInt(sentences.length)]);
		}
		return withDocumentXml(xml.append("</w:body></w:document>").toString());
	}

	/** A DOCX whose document part is not well-formed XML (cut short). */
	static byte[] damagedDocx() {
		return withDocumentXml(DOCUMENT_START + "<w:p><w:r><w:t>cut sh");
	}

	private static final String DOCUMENT_START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
			+ "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";

	private static byte[] withDocumentXml(String documentXml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(
				new ByteArrayInputStream(docx(List.of("placeholder"))));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(entry.getName().equals("word/document.xml") ? documentXml.getBytes(StandardCharsets.UTF_8)
						: in.readAllBytes());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
