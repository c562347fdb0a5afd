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
 * then moved into place, so a reader never sees half a file.
 */
public class LocalArtifactStore implements ArtifactStore {

	private final Path root;

	private final long maxBytes;

	public LocalArtifactStore(Path root, long maxBytes) {
		this.root = root.toAbsolutePath().normalize();
		this.maxBytes = maxBytes;
	}

	@Override
	public void upload(String path, InputStream content) {
		Path target = resolve(path, false);
		try {
			Files.createDirectories(target.getParent());
			if (Files.isDirectory(target)) {
				throw TrackingError.invalid("'" + path + "' is a directory.");
			}
			Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
			try {
				copyLimited(content, temp);
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
				if (name.startsWith(".upload-")) {
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

	private void copyLimited(InputStream in, Path temp) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		try (OutputStream out = Files.newOutputStream(temp)) {
			int n;
			while ((n = in.read(buffer)) > 0) {
				total += n;
				if (total > maxBytes) {
					throw TrackingError.invalid("The artifact is larger than " + maxBytes + " bytes.");
				}
				out.write(buffer, 0, n);
			}
		}
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
		Path resolved = root.resolve(path).normalize();
		if (!resolved.startsWith(root) || (!rootAllowed && resolved.equals(root))) {
			throw TrackingError.invalid("Invalid path");
		}
		return resolved;
	}

}
