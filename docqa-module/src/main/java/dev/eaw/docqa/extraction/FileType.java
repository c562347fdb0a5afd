package dev.eaw.docqa.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.ZipFile;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of files that can be ingested, recognised by their first bytes and, for text, their name: a PDF starts
 * with {@code %PDF-}, a DOCX is a ZIP holding {@code word/document.xml}, and text must be UTF-8 without NUL bytes
 * (HTML by its name or an opening tag, Markdown by its name). PNG, JPEG and TIFF images are accepted only where OCR
 * reads them; other images, archives and binaries are refused.
 */
public enum FileType {

	PDF("pdf", "application/pdf"),
	DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
	HTML("html", "text/html"),
	MARKDOWN("markdown", "text/markdown"),
	TEXT("text", "text/plain"),
	PNG("png", "image/png"),
	JPEG("jpeg", "image/jpeg"),
	TIFF("tiff", "image/tiff");

	private static final String SUPPORTED = "Upload PDF, DOCX, HTML, Markdown or plain text.";

	private final String key;

	private final String contentType;

	FileType(String key, String contentType) {
		this.key = key;
		this.contentType = contentType;
	}

	public String key() {
		return key;
	}

	public String contentType() {
		return contentType;
	}

	public static FileType ofKey(String key) {
		return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst().orElse(TEXT);
	}

	/** The file's type, or a {@link Refusal} saying what it seems to be instead; images are refused. */
	public static FileType sniff(Path file, String fileName) {
		return sniff(file, fileName, false);
	}

	/** The file's type; PNG, JPEG and TIFF images only when {@code images} (OCR reads them). */
	public static FileType sniff(Path file, String fileName, boolean images) {
		byte[] head = head(file, 8192);
		FileType image = image(head);
		if (image != null) {
			if (images) {
				return image;
			}
			throw new Refusal("Unsupported type: " + binaryKind(head)
					+ " (images are read with OCR, which is not available on this server). " + SUPPORTED);
		}
		String name = fileName.toLowerCase(Locale.ROOT);
		String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
		if (startsWith(head, "%PDF-")) {
			return PDF;
		}
		if (extension.equals("pdf")) {
			throw new Refusal("Corrupt PDF: the file does not start like a PDF.");
		}
		if (startsWith(head, "PK\u0003\u0004")) {
			if (isDocx(file)) {
				return DOCX;
			}
			throw new Refusal("Unsupported type: a ZIP archive" + (extension.equals("docx") ? " that is not a Word document"
					: "") + ". " + SUPPORTED);
		}
		String binary = binaryKind(head);
		if (binary != null) {
			throw new Refusal("Unsupported type: " + binary + ". " + SUPPORTED);
		}
		if (!utf8Text(head)) {
			throw new Refusal("Unsupported type: binary content" + (extension.isEmpty() ? "" : " (." + extension + ")")
					+ ". " + SUPPORTED);
		}
		return switch (extension) {
			case "md", "markdown", "mdown", "mkd" -> MARKDOWN;
			case "html", "htm", "xhtml" -> HTML;
			default -> looksLikeHtml(head) ? HTML : TEXT;
		};
	}

	private static byte[] head(Path file, int max) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(max);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isDocx(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return zip.getEntry("word/document.xml") != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static @Nullable FileType image(byte[] head) {
		if (startsWith(head, "\u0089PNG\r\n\u001a\n")) {
			return PNG;
		}
		if (head.length > 2 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
			return JPEG;
		}
		if (startsWith(head, "II*\u0000") || startsWith(head, "MM\u0000*")) {
			return TIFF;
		}
		return null;
	}

	private static @Nullable String binaryKind(byte[] head) {
		FileType image = image(head);
		if (image != null) {
			return "a " + image.name() + " image";
		}
		if (startsWith(head, "GIF8")) {
			return "a GIF image";
		}
		if (startsWith(head, "\u001f\u008b")) {
			return "a gzip archive";
		}
		if (startsWith(head, "\u00d0\u00cf\u0011\u00e0")) {
			return "an old Office file (.doc/.xls); save it as DOCX or PDF";
		}
		return null;
	}

	private static boolean utf8Text(byte[] head) {
		for (byte b : head) {
			if (b == 0) {
				return false;
			}
		}
		// the sample may end inside a multi-byte character: only malformed input counts, not a cut one
		java.nio.CharBuffer out = java.nio.CharBuffer.allocate(head.length);
		java.nio.charset.CoderResult result = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(head), out, head.length < 8192);
		return !result.isError();
	}

	private static boolean looksLikeHtml(byte[] head) {
		String start = new String(head, 0, Math.min(head.length, 512), StandardCharsets.UTF_8).stripLeading()
			.toLowerCase(Locale.ROOT);
		return start.startsWith("<!doctype html") || start.startsWith("<html");
	}

	private static boolean startsWith(byte[] head, String signature) {
		if (head.length < signature.length()) {
			return false;
		}
		for (int i = 0; i < signature.length(); i++) {
			if ((head[i] & 0xff) != signature.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
