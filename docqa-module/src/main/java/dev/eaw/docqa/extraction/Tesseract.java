package dev.eaw.docqa.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tesseract} command, run once per image in a process of its own (a crash or a runaway page cannot take
 * the server with it): {@code tesseract IMAGE stdout -l LANG} with one OpenMP thread (measured: on two busy cores its
 * default threads made a page 5× slower), its output written to a file and read up to a bound, killed past the time
 * limit or when the reading thread is interrupted. {@link #probe} asks the command for its version and languages at
 * start: without an answer OCR is off.
 */
public final class Tesseract {

	private static final Logger log = LoggerFactory.getLogger(Tesseract.class);

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_]+(\\+[A-Za-z0-9_]+)*");

	private static final Duration PROBE_TIME = Duration.ofSeconds(20);

	/** The most text read from one run: a page holds some thousands of characters. */
	private static final int MAX_OUTPUT = 4 << 20;

	private final String command;

	private final String language;

	private final Duration pageTimeout;

	private final @Nullable String version;

	private final String description;

	private Tesseract(String command, String language, Duration pageTimeout, @Nullable String version,
			String description) {
		this.command = command;
		this.language = language;
		this.pageTimeout = pageTimeout;
		this.version = version;
		this.description = description;
	}

	/** OCR switched off by the settings. */
	public static Tesseract off() {
		return new Tesseract("tesseract", "eng", Duration.ofSeconds(1), null, "off (eaw.docqa.ocr=off)");
	}

	/** Asks {@code command} for its version and its languages; unavailable (with the reason) when either fails. */
	public static Tesseract probe(String command, String language, Duration pageTimeout) {
		if (!LANGUAGE.matcher(language).matches()) {
			throw new IllegalStateException("eaw.docqa.ocr-language must be like eng or eng+deu, not " + language);
		}
		if (pageTimeout.isNegative() || pageTimeout.isZero()) {
			throw new IllegalStateException("eaw.docqa.ocr-page-timeout must be positive");
		}
		try {
			String versionOutput = run(List.of(command, "--version"));
			String version = versionOutput.lines().findFirst().orElse("").strip();
			if (!version.startsWith("tesseract ")) {
				return unavailable(command, language, "'" + command + " --version' did not answer like Tesseract");
			}
			List<String> installed = run(List.of(command, "--list-langs")).lines().map(String::strip).toList();
			List<String> missing = Arrays.stream(language.split("\\+")).filter(l -> !installed.contains(l)).toList();
			if (!missing.isEmpty()) {
				return unavailable(command, language, "Tesseract has no data for " + String.join(", ", missing)
						+ " (install tesseract-ocr-" + missing.get(0) + ")");
			}
			log.info("OCR: {} with {} ({})", version, language, command);
			return new Tesseract(command, language, pageTimeout, version, version + " (" + language + ")");
		}
		catch (IOException ex) {
			return unavailable(command, language, "the command '" + command + "' could not be run: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unavailable(command, language, "interrupted while asking '" + command + "' for its version");
		}
	}

	private static Tesseract unavailable(String command, String language, String reason) {
		log.warn("OCR is not available: {}; scanned PDFs and images are refused", reason);
		return new Tesseract(command, language, Duration.ofSeconds(1), null, "not available: " + reason);
	}

	private static String run(List<String> commandLine) throws IOException, InterruptedException {
		Path out = Files.createTempFile("eaw-tesseract-probe", ".txt");
		try {
			Process process = new ProcessBuilder(commandLine).redirectErrorStream(true)
				.redirectOutput(out.toFile())
				.start();
			if (!process.waitFor(PROBE_TIME.toSeconds(), TimeUnit.SECONDS)) {
				kill(process);
				throw new IOException("no answer within " + PROBE_TIME.toSeconds() + " s");
			}
			return read(out);
		}
		finally {
			Files.deleteIfExists(out);
		}
	}

	public boolean available() {
		return version != null;
	}

	/** "tesseract 5.3.0 (eng)", or why OCR is off. */
	public String description() {
		return description;
	}

	/**
	 * The text Tesseract reads in {@code image} (a PNG, JPEG or TIFF file; a multi-page TIFF's pages end with a form
	 * feed), given at most {@code pages} times the page time limit.
	 */
	String read(Path image, int pages) {
		if (!available()) {
			throw new IllegalStateException("OCR is not available");
		}
		Duration limit = pageTimeout.multipliedBy(Math.max(1, pages));
		Path out = null;
		Path err = null;
		Process process = null;
		try {
			out = Files.createTempFile("eaw-ocr", ".txt");
			err = Files.createTempFile("eaw-ocr", ".log");
			ProcessBuilder builder = new ProcessBuilder(List.of(command, image.toString(), "stdout", "-l", language))
				.redirectOutput(out.toFile())
				.redirectError(err.toFile());
			builder.environment().put("OMP_THREAD_LIMIT", "1");
			process = builder.start();
			if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
				long seconds = limit.toSeconds();
				throw new Refusal("Reading a scanned page took longer than " + seconds + (seconds == 1 ? " second" : " seconds")
						+ ", the OCR limit; it was set aside.");
			}
			if (process.exitValue() != 0) {
				log.warn("tesseract exited with {} on {}: {}", process.exitValue(), image, read(err));
				throw new Refusal("OCR could not read the image.");
			}
			return read(out);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Refusal("OCR was stopped.");
		}
		catch (IOException ex) {
			log.warn("tesseract could not be run on {}", image, ex);
			throw new Refusal("OCR could not read the image.");
		}
		finally {
			if (process != null && process.isAlive()) {
				kill(process);
			}
			delete(out);
			delete(err);
		}
	}

	private static void kill(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
	}

	private static String read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
		}
	}

	private static void delete(@Nullable Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.debug("Could not delete {}", file, ex);
			}
		}
	}

	static List<String> pages(String output) {
		List<String> pages = new ArrayList<>(Arrays.asList(output.split("\f", -1)));
		if (pages.size() > 1 && pages.get(pages.size() - 1).isBlank()) {
			pages.remove(pages.size() - 1);
		}
		return pages;
	}

}
