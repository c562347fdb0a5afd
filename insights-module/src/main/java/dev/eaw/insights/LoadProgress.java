package dev.eaw.insights;

/** Receives how far a load has come: bytes of the file read so far and rows loaded. */
@FunctionalInterface
public interface LoadProgress {

	LoadProgress NONE = (bytes, rows) -> {
	};

	void advanced(long bytesRead, long rowsLoaded);

}
