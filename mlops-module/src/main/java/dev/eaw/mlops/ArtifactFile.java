package dev.eaw.mlops;

import org.jspecify.annotations.Nullable;

/**
 * One entry of an artifact directory listing, as MLflow lists it.
 *
 * @param path the entry's path relative to the listed base as MLflow gives it
 * @param isDir whether it is a directory
 * @param fileSize the size in bytes, only for files
 */
public record ArtifactFile(String path, boolean isDir, @Nullable Long fileSize) {
}
