package dev.eaw.mlops;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * MLflow's artifact proxy storage: files under relative paths such as {@code <experiment>/<run>/artifacts/model.onnx}.
 * Paths that leave the store (with {@code ..}, absolute, backslashes, NUL) raise {@link TrackingError} with
 * {@code INVALID_PARAMETER_VALUE}; missing files raise {@code RESOURCE_DOES_NOT_EXIST}.
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

}
