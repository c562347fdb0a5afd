package dev.eaw.mlops;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * MLflow's artifact proxy storage: files under relative paths such as {@code <experiment>/<run>/artifacts/model.onnx}.
 * Paths that leave the store (with {@code ..}, absolute, backslashes, NUL) raise {@link TrackingError} with
 * {@code INVALID_PARAMETER_VALUE}; missing files raise {@code RESOURCE_DOES_NOT_EXIST}. A large file may also come in
 * parts (a multipart upload, as S3 takes one): the parts wait in the store, out of every listing, until the upload is
 * completed (joined into the file) or aborted (dropped).
 */
public interface ArtifactStore {

	/** Stores the stream as the file at the path, replacing it; refuses more bytes than the configured limit. */
	void upload(String path, InputStream content);

	/** The file at the path, to be streamed by the caller. */
	Path download(String path);

	/** The entries of the directory at the path ({@code ""} is the root); empty for a missing directory. */
	List<ArtifactFile> list(String path);

	/** Deletes the file (or directory tree) at the path. */
	void delete(String path);

	/** One uploaded part of a multipart upload: its number (1 to {@value #MAX_PARTS}) and its ETag. */
	record Part(int number, String etag) {
	}

	/** The most parts one multipart upload may have (S3's limit). */
	int MAX_PARTS = 10_000;

	/** Starts a multipart upload of the file at the path; returns the upload's id. */
	String startMultipart(String path);

	/** Stores part {@code number} of the upload (replacing an earlier try of the same part); returns its ETag. */
	String uploadPart(String uploadId, int number, InputStream content);

	/**
	 * Joins the listed parts in the order of their numbers into the file at the path, which must be the one the upload
	 * started for, and drops the upload; a part that was not uploaded, or whose ETag differs, refuses it.
	 */
	void completeMultipart(String uploadId, String path, List<Part> parts);

	/** Drops the upload and its parts; the path must be the one the upload started for. */
	void abortMultipart(String uploadId, String path);

}
