package dev.eaw.docqa.ingestion;

import dev.eaw.docqa.extraction.ExtractionLimits;

/**
 * What an upload and its ingestion may be: the largest file, the most files in one upload, the chunk size and overlap
 * in tokens, and how far a file may unpack.
 */
public record IngestionOptions(long maxFile, int maxFilesPerUpload, int chunkTokens, int chunkOverlap,
		ExtractionLimits extraction) {
}
