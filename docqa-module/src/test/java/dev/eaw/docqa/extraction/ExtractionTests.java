package dev.eaw.docqa.extraction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Type recognition by content and the text extractors that need no binary format (PDF and DOCX: the API tests). */
class ExtractionTests {

	static final ExtractionLimits LIMITS = new ExtractionLimits(100 << 20, 20 << 20);

	@TempDir
	Path dir;

	Path file(String name, byte[] content) throws IOException {
		return Files.write(dir.resolve(name), content);
	}

	Path file(String name, String content) throws IOException {
		return file(name, content.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void typesAreRecognisedByContentThenName() throws IOException {
		assertThat(FileType.sniff(file("a.bin", "%PDF-1.7\n..."), "a.bin")).isEqualTo(FileType.PDF);
		assertThat(FileType.sniff(file("notes.md", "# Title\n\ntext"), "notes.md")).isEqualTo(FileType.MARKDOWN);
		assertThat(FileType.sniff(file("page.txt", "<!DOCTYPE html><html><body>x"), "page.txt")).isEqualTo(FileType.HTML);
		assertThat(FileType.sniff(file("readme", "plain words"), "readme")).isEqualTo(FileType.TEXT);
		assertThatThrownBy(() -> FileType.sniff(file("x.png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 }),
				"x.png")).isInstanceOf(Refusal.class).hasMessageContaining("PNG");
		assertThatThrownBy(() -> FileType.sniff(file("fake.pdf", "hello"), "fake.pdf")).hasMessageStartingWith("Corrupt PDF");
		assertThatThrownBy(() -> FileType.sniff(file("blob.dat", new byte[] { 1, 0, 2, 0, 3 }), "blob.dat"))
			.hasMessageContaining("Unsupported type");
		Path zip = dir.resolve("archive.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("data.csv"));
			out.write("a,b\n".getBytes(StandardCharsets.UTF_8));
		}
		assertThatThrownBy(() -> FileType.sniff(zip, "archive.zip")).hasMessageContaining("ZIP archive");
	}

	@Test
	void htmlKeepsHeadingsAndDropsScriptsAndNavigation() throws IOException {
		Path html = file("page.html", """
				<html><head><title>T</title><style>p { color: red }</style></head><body>
				<nav><a href="/">Home</a></nav>
				<h1>Guide</h1><p>Intro <b>text</b> here.</p>
				<h2>Install</h2><ul><li>Unpack it.</li><li>Plug it in.</li></ul>
				<script>alert('x')</script><div>Closing words</div></body></html>""");
		ExtractedText text = new Extractor(LIMITS).extract(html, FileType.HTML);
		assertThat(text.blocks()).extracting(Block::level).containsExactly(1, 0, 2, 0, 0, 0);
		assertThat(text.blocks()).extracting(Block::text)
			.containsExactly("Guide", "Intro text here.", "Install", "Unpack it.", "Plug it in.", "Closing words");
		assertThat(text.text()).doesNotContain("alert", "Home", "color");
		for (Block block : text.blocks()) {
			assertThat(text.text().substring(block.start(), block.end())).isEqualTo(block.text());
		}
	}

	@Test
	void markdownAndPlainTextSplitIntoHeadingsAndParagraphs() throws IOException {
		ExtractedText markdown = new Extractor(LIMITS).extract(file("a.md", "Guide\n=====\n\nSome *intro*.\n\n## Install\n\n- one\n- two\n"),
				FileType.MARKDOWN);
		assertThat(markdown.blocks()).extracting(Block::text).containsExactly("Guide", "Some intro.", "Install", "one", "two");
		ExtractedText plain = new Extractor(LIMITS).extract(file("a.txt", "\ufeffFirst line\nsame paragraph.\n\n\nSecond."),
				FileType.TEXT);
		assertThat(plain.blocks()).extracting(Block::text).containsExactly("First line same paragraph.", "Second.");
		assertThatThrownBy(() -> new Extractor(LIMITS).extract(file("blank.txt", "  \n\n "), FileType.TEXT))
			.isInstanceOf(Refusal.class);
	}


}
