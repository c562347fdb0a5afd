package dev.eaw.docqa.extraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.eaw.docqa.extraction.ExtractionTests.LIMITS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command's failures, with stand-in scripts for Tesseract: missing, not Tesseract, without the language, hanging
 * past the page limit or when the reading is cancelled (killed either way), crashing; and OCR off.
 */
class TesseractCommandTests {

	@TempDir
	Path dir;

	/** A stand-in that answers the probe like Tesseract 5.3.0 with English, then runs {@code body} on an image. */
	Path standIn(String body) throws IOException {
		Path script = dir.resolve("tesseract");
		Files.writeString(script, """
				#!/bin/sh
				case "$1" in
				  --version) echo "tesseract 5.3.0"; exit 0 ;;
				  --list-langs) echo 'List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (2):'
				    echo eng; echo osd; exit 0 ;;
				esac
				echo $$ > "%s"
				%s
				""".formatted(dir.resolve("pid"), body));
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
		return script;
	}

	Path image() throws IOException {
		return TextPictures.png(dir.resolve("page.png"), List.of("words"));
	}

	ProcessHandle started() throws IOException {
		return ProcessHandle.of(Long.parseLong(Files.readString(dir.resolve("pid")).strip())).orElse(null);
	}

	@Test
	void aMissingOrWrongCommandOrLanguageLeavesOcrOffWithTheReason() throws IOException {
		Tesseract missing = Tesseract.probe(dir.resolve("no-such-tesseract").toString(), "eng", Duration.ofSeconds(5));
		assertThat(missing.available()).isFalse();
		assertThat(missing.description()).startsWith("not available: the command").contains("could not be run");
		assertThat(new Ocr(missing, 10, 1000).enabled()).isFalse();

		Path echo = dir.resolve("echo.sh");
		Files.writeString(echo, "#!/bin/sh\necho hello\n");
		Files.setPosixFilePermissions(echo, PosixFilePermissions.fromString("rwx------"));
		assertThat(Tesseract.probe(echo.toString(), "eng", Duration.ofSeconds(5)).description())
			.contains("did not answer like Tesseract");

		Tesseract german = Tesseract.probe(standIn("exit 0").toString(), "eng+deu", Duration.ofSeconds(5));
		assertThat(german.available()).isFalse();
		assertThat(german.description()).contains("no data for deu", "tesseract-ocr-deu");
		assertThatThrownBy(() -> Tesseract.probe("tesseract", "eng; rm -rf /", Duration.ofSeconds(5)))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void withOcrOffAScannedPdfIsRefusedWithTheReasonAndImagesAtUpload() throws IOException {
		Path pdf = TextPictures.pdf(dir.resolve("scan.pdf"), List.of(List.of("A scanned page")));
		assertThatThrownBy(() -> new Extractor(LIMITS, Ocr.OFF).extract(pdf, FileType.PDF)).isInstanceOf(Refusal.class)
			.hasMessage("No extractable text — scanned? OCR is not supported.");
		Path png = image();
		assertThatThrownBy(() -> FileType.sniff(png, "page.png", false)).isInstanceOf(Refusal.class)
			.hasMessageContaining("Unsupported type: a PNG image")
			.hasMessageContaining("OCR, which is not available");
		assertThatThrownBy(() -> new Extractor(LIMITS, Ocr.OFF).extract(png, FileType.PNG))
			.hasMessage("Images are read with OCR, which is not available on this server.");
		Path tiff = TextPictures.tiff(dir.resolve("fax.tiff"), List.of(List.of("fax")));
		assertThatThrownBy(() -> FileType.sniff(tiff, "fax.tiff", false)).hasMessageContaining("a TIFF image");
		assertThat(Tesseract.off().description()).isEqualTo("off (eaw.docqa.ocr=off)");
	}

	@Test
	void aPageThatHangsIsKilledAtTheTimeLimit() throws IOException {
		Tesseract tesseract = Tesseract.probe(standIn("exec sleep 60").toString(), "eng", Duration.ofSeconds(1));
		assertThat(tesseract.available()).isTrue();
		long started = System.nanoTime();
		assertThatThrownBy(() -> new Extractor(LIMITS, new Ocr(tesseract, 10, 50_000_000)).extract(image(), FileType.PNG))
			.isInstanceOf(Refusal.class)
			.hasMessage("Reading a scanned page took longer than 1 second, the OCR limit; it was set aside.");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
		ProcessHandle process = started();
		assertThat(process == null || process.onExit().join() != null).isTrue();
	}

	@Test
	void aCancelledReadingKillsTheCommand() throws Exception {
		Tesseract tesseract = Tesseract.probe(standIn("exec sleep 60").toString(), "eng", Duration.ofSeconds(60));
		Path image = image();
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			Future<?> reading = thread.submit(() -> tesseract.read(image, 1));
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (!Files.exists(dir.resolve("pid")) && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			ProcessHandle process = started();
			assertThat(process).isNotNull();
			reading.cancel(true);
			process.onExit().get(20, TimeUnit.SECONDS);
			assertThat(process.isAlive()).isFalse();
		}
		finally {
			thread.shutdownNow();
		}
	}

	@Test
	void aCrashingCommandFailsTheDocumentNotTheServer() throws IOException {
		Tesseract tesseract = Tesseract.probe(standIn("kill -SEGV $$").toString(), "eng", Duration.ofSeconds(10));
		assertThatThrownBy(() -> new Extractor(LIMITS, new Ocr(tesseract, 10, 50_000_000)).extract(image(), FileType.PNG))
			.isInstanceOf(Refusal.class)
			.hasMessage("OCR could not read the image.");
	}

}
