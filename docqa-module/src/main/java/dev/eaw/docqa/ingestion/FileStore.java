package dev.eaw.docqa.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The original files, one per document, named by the document id under one directory. */
public final class FileStore {

	/** A file received but not yet given to a document: where it is, how long it is, its SHA-256. */
	public record Received(Path path, long size, String sha256) {
	}

	private final Path root;

	public FileStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.root.resolve("incoming"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the document file directory " + this.root, ex);
		}
	}

	/** Copies a stream to a new file while hashing it; stops (and returns what it read) past {@code max} bytes. */
	public Received receive(InputStream in, long max) throws IOException {
		Path file = Files.createTempFile(root.resolve("incoming"), "upload", ".tmp");
		MessageDigest digest = sha256();
		long size = 0;
		try (in; OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
			byte[] buffer = new byte[65536];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				out.write(buffer, 0, read);
				size += read;
				if (size > max) {
					break;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		return new Received(file, size, HexFormat.of().formatHex(digest.digest()));
	}

	/** Gives a received file to a document. */
	public void keep(Received received, long documentId) throws IOException {
		Files.move(received.path(), path(documentId), StandardCopyOption.REPLACE_EXISTING);
	}

	public void discard(Received received) {
		try {
			Files.deleteIfExists(received.path());
		}
		catch (IOException ex) {
			// a temporary file left behind does no harm
		}
	}

	public Path path(long documentId) {
		return root.resolve(Long.toString(documentId));
	}

	public void delete(long documentId) {
		try {
			Files.deleteIfExists(path(documentId));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
