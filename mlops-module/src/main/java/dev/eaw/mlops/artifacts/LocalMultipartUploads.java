package dev.eaw.mlops.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.ArtifactStore.Part;
import dev.eaw.mlops.TrackingError;

/**
 * The multipart uploads of a {@link LocalArtifactStore}: one directory per upload under
 * {@code <root>/.multipart-uploads/<id>}, holding the path the upload is for ({@code target}) and its parts
 * ({@code part-00001}, …). A part's ETag is the quoted MD5 of its bytes, as S3 makes it.
 */
final class LocalMultipartUploads {

	/** The directory under the store's root; no artifact path may start with it. */
	static final String DIRECTORY = ".multipart-uploads";

	private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path uploads;

	private final long maxBytes;

	LocalMultipartUploads(Path root, long maxBytes) {
		this.uploads = root.resolve(DIRECTORY);
		this.maxBytes = maxBytes;
	}

	/** Starts an upload of the file at {@code path} (already checked by the store). */
	String start(String path) {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String id = HexFormat.of().formatHex(bytes);
		try {
			Files.createDirectories(uploads.resolve(id));
			Files.writeString(uploads.resolve(id).resolve("target"), path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return id;
	}

	String uploadPart(String id, int number, InputStream content) {
		if (number < 1 || number > ArtifactStore.MAX_PARTS) {
			throw TrackingError.invalid("A part number is from 1 to " + ArtifactStore.MAX_PARTS + ", not " + number + ".");
		}
		Path dir = upload(id);
		MessageDigest md5 = md5();
		try {
			LocalArtifactStore.writeAtomically(part(dir, number),
					out -> LocalArtifactStore.copyLimited(content, new DigestOutputStream(out, md5), 0, maxBytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return etag(md5);
	}

	/**
	 * Writes the listed parts, in the order of their numbers, to {@code out}; checks that each was uploaded once and
	 * that a given ETag is the part's.
	 */
	void join(String id, String path, List<Part> parts, OutputStream out) throws IOException {
		Path dir = upload(id, path);
		if (parts.isEmpty()) {
			throw TrackingError.invalid("A multipart upload is completed with at least one part.");
		}
		List<Part> ordered = new ArrayList<>(parts);
		ordered.sort(Comparator.comparingInt(Part::number));
		long written = 0;
		for (int i = 0; i < ordered.size(); i++) {
			Part part = ordered.get(i);
			if (i > 0 && ordered.get(i - 1).number() == part.number()) {
				throw TrackingError.invalid("Part " + part.number() + " is listed twice.");
			}
			Path file = part(dir, part.number());
			if (!Files.isRegularFile(file)) {
				throw TrackingError.invalid("Part " + part.number() + " of the upload was not uploaded.");
			}
			MessageDigest md5 = md5();
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), md5)) {
				written = LocalArtifactStore.copyLimited(in, out, written, maxBytes);
			}
			if (!part.etag().isBlank() && !part.etag().equals(etag(md5))) {
				throw TrackingError.invalid("The ETag of part " + part.number() + " is not the uploaded part's.");
			}
		}
	}

	/** Drops the upload's directory; {@code path} must be the one it started for. */
	void drop(String id, String path) {
		LocalArtifactStore.deleteTree(upload(id, path));
	}

	private Path upload(String id, String path) {
		Path dir = upload(id);
		try {
			if (!Files.readString(dir.resolve("target"), StandardCharsets.UTF_8).equals(path)) {
				throw TrackingError.invalid("Upload " + id + " is not an upload of '" + path + "'.");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return dir;
	}

	private Path upload(String id) {
		if (!ID.matcher(id).matches() || !Files.isDirectory(uploads.resolve(id))) {
			throw TrackingError.notFound("No multipart upload with id '" + id + "'.");
		}
		return uploads.resolve(id);
	}

	private static Path part(Path dir, int number) {
		return dir.resolve(String.format("part-%05d", number));
	}

	private static String etag(MessageDigest md5) {
		return "\"" + HexFormat.of().formatHex(md5.digest()) + "\"";
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
