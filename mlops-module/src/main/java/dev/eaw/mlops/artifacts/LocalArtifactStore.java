package dev.eaw.mlops.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.eaw.mlops.ArtifactFile;
import dev.eaw.mlops.ArtifactStore;
import dev.eaw.mlops.TrackingError;

/**
 * Artifacts as plain files under one root directory; uploads stream to a temporary file next to the target and are
 * then moved into place, so a reader never sees half a file. Multipart uploads keep their parts under the root too
 * ({@link LocalMultipartUploads}), where no artifact path reaches.
 */
public class LocalArtifactStore implements ArtifactStore {

	private final Path root;

	private final long maxBytes;

	private final LocalMultipartUploads multipart;

	public LocalArtifactStore(Path root, long maxBytes) {
		this.root = root.toAbsolutePath().normalize();
		this.maxBytes = maxBytes;
		this.multipart = new LocalMultipartUploads(this.root, maxBytes);
	}

	@Override
	public void upload(String path, InputStream content) {
		store(path, out -> copyLimited(content, out, 0, maxBytes));
	}

	@Override
	public Path download(String path) {
		Path file = resolve(path, false);
		if (!Files.isRegularFile(file)) {
			throw TrackingError.notFound("No artifact at '" + path + "'.");
		}
		return file;
	}

	@Override
	public List<ArtifactFile> list(String path) {
		Path dir = resolve(path, true);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<ArtifactFile> files = new ArrayList<>();
		try (Stream<Path> entries = Files.list(dir)) {
			for (Path entry : entries.sorted(Comparator.comparing(Path::toString)).toList()) {
				String name = entry.getFileName().toString();
				if (name.startsWith(".upload-") || dir.equals(root) && name.equals(LocalMultipartUploads.DIRECTORY)) {
					continue;
				}
				boolean isDir = Files.isDirectory(entry);
				files.add(new ArtifactFile(name, isDir, isDir ? null : Files.size(entry)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	@Override
	public void delete(String path) {
		Path target = resolve(path, false);
		if (!Files.exists(target)) {
			throw TrackingError.notFound("No artifact at '" + path + "'.");
		}
		deleteTree(target);
	}

	@Override
	public String startMultipart(String path) {
		resolve(path, false);
		return multipart.start(path);
	}

	@Override
	public String uploadPart(String uploadId, int number, InputStream content) {
		return multipart.uploadPart(uploadId, number, content);
	}

	@Override
	public void completeMultipart(String uploadId, String path, List<Part> parts) {
		store(path, out -> multipart.join(uploadId, path, parts, out));
		multipart.drop(uploadId, path);
	}

	@Override
	public void abortMultipart(String uploadId, String path) {
		resolve(path, false);
		multipart.drop(uploadId, path);
	}

	/** Writes the file at the path (not a directory) from {@code content}, its parent directories as needed. */
	private void store(String path, Content content) {
		Path target = resolve(path, false);
		try {
			Files.createDirectories(target.getParent());
			if (Files.isDirectory(target)) {
				throw TrackingError.invalid("'" + path + "' is a directory.");
			}
			writeAtomically(target, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What writes a file's bytes. */
	@FunctionalInterface
	interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/** Writes a temporary file next to the target and moves it into place, so a reader never sees half a file. */
	static void writeAtomically(Path target, Content content) throws IOException {
		Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temp)) {
				content.writeTo(out);
			}
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** Deletes a file or a directory with everything in it; what is gone already is fine. */
	static void deleteTree(Path target) {
		try (Stream<Path> tree = Files.walk(target)) {
			for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
		catch (NoSuchFileException ex) {
			// already gone
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Copies {@code in} to {@code out}, refusing more than {@code maxBytes} in all; returns the bytes written so far. */
	static long copyLimited(InputStream in, OutputStream out, long written, long maxBytes) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = written;
		int n;
		while ((n = in.read(buffer)) > 0) {
			total += n;
			if (total > maxBytes) {
				throw TrackingError.invalid("The artifact is larger than " + maxBytes + " bytes.");
			}
			out.write(buffer, 0, n);
		}
		return total;
	}

	private Path resolve(String path, boolean rootAllowed) {
		if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0 || path.startsWith("/") || path.contains(":")) {
			throw TrackingError.invalid("Invalid path");
		}
		for (String part : path.split("/")) {
			if (part.equals("..") || part.equals(".")) {
				throw TrackingError.invalid("Invalid path");
			}
		}
		if (path.equals(LocalMultipartUploads.DIRECTORY) || path.startsWith(LocalMultipartUploads.DIRECTORY + "/")) {
			throw TrackingError.invalid("Invalid path");
		}
		Path resolved = root.resolve(path).normalize();
		if (!resolved.startsWith(root) || (!rootAllowed && resolved.equals(root))) {
			throw TrackingError.invalid("Invalid path");
		}
		return resolved;
	}

}
