package dev.eaw.docqa.extraction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A DOCX is unpacked and counted before POI reads it into memory, and a file POI cannot read fails with a plain
 * sentence, never the parser's message.
 */
class DocxLimitsTests {

	static final String START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
			+ "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";

	static final String PARAGRAPH = "<w:p><w:r><w:t>The boiler holds 1.8 litres of water.</w:t></w:r></w:p>";

	@TempDir
	Path dir;

	@Test
	void aDocxWithinTheLimitsIsRead() throws IOException {
		Path docx = docx(START + PARAGRAPH.repeat(10) + "</w:body></w:document>", 0);
		ExtractedText text = new Extractor(new ExtractionLimits(1 << 20, 64 << 10)).extract(docx, FileType.DOCX);
		assertThat(text.blocks()).hasSize(10);
		assertThat(text.text()).contains("1.8 litres");
	}

	@Test
	void aTextPartOverTheLimitIsRefusedBeforePoiReadsIt() throws IOException {
		Path docx = docx(START + PARAGRAPH.repeat(5000) + "</w:body></w:document>", 0);
		assertThatThrownBy(() -> new Extractor(new ExtractionLimits(100 << 20, 64 << 10)).extract(docx, FileType.DOCX))
			.isInstanceOf(Refusal.class)
			.hasMessage("The DOCX file is too large when unpacked: its text (word/document.xml) is over 64 KB, the limit.");
	}

	@Test
	void allPartsTogetherOverTheLimitAreRefused() throws IOException {
		Path docx = docx(START + PARAGRAPH + "</w:body></w:document>", 3 << 20);
		assertThatThrownBy(() -> new Extractor(new ExtractionLimits(2 << 20, 1 << 20)).extract(docx, FileType.DOCX))
			.isInstanceOf(Refusal.class)
			.hasMessage("The DOCX file is too large when unpacked: over 2 MB, the limit.");
	}

	@Test
	void aDamagedDocxFailsWithAPlainSentence() throws IOException {
		Path cut = docx(START + "<w:p><w:r><w:t>cut sh", 0);
		Extractor extractor = new Extractor(new ExtractionLimits(1 << 20, 1 << 20));
		assertThatThrownBy(() -> extractor.extract(cut, FileType.DOCX)).isInstanceOf(Refusal.class)
			.hasMessage("The DOCX file is damaged or not a Word document.");
		Path notZip = Files.writeString(dir.resolve("not-zip.docx"), "PK\u0003\u0004 but no archive");
		assertThatThrownBy(() -> extractor.extract(notZip, FileType.DOCX))
			.hasMessage("The DOCX file is damaged or not a Word document.");
	}

	@Test
	void unreadableFilesOfOtherTypesFailWithPlainSentences() throws IOException {
		Extractor extractor = new Extractor(new ExtractionLimits(1 << 20, 1 << 20));
		Path pdf = Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.7\nnot a PDF at all\n%%EOF");
		assertThatThrownBy(() -> extractor.extract(pdf, FileType.PDF))
			.hasMessage("Corrupt PDF: the file is damaged and cannot be read.");
		byte[] latin1 = "Caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1);
		Path text = Files.write(dir.resolve("latin1.txt"), latin1);
		assertThatThrownBy(() -> extractor.extract(text, FileType.TEXT))
			.hasMessage("The file is not UTF-8 text: save it as UTF-8 and upload it again.");
	}

	/** A DOCX made by POI, its document part replaced, with a {@code padding}-byte media part when above 0. */
	Path docx(String documentXml, int padding) throws IOException {
		ByteArrayOutputStream made = new ByteArrayOutputStream();
		try (XWPFDocument document = new XWPFDocument()) {
			document.createParagraph().createRun().setText("placeholder");
			document.write(made);
		}
		Path file = dir.resolve("document-" + System.nanoTime() + ".docx");
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(made.toByteArray()));
				OutputStream out = Files.newOutputStream(file);
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				zip.write(entry.getName().equals("word/document.xml") ? documentXml.getBytes(StandardCharsets.UTF_8)
						: in.readAllBytes());
				zip.closeEntry();
			}
			if (padding > 0) {
				zip.putNextEntry(new ZipEntry("word/media/image1.png"));
				zip.write(new byte[padding]);
				zip.closeEntry();
			}
		}
		return file;
	}

}
