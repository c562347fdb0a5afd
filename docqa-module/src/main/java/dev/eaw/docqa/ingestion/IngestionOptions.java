package dev.eaw.docqa.ingestion;

import dev.eaw.docqa.extraction.ExtractionLimits;
import dev.eaw.docqa.extraction.Ocr;

/**
 * What an upload and its ingestion may be: the largest file, the most files in one upload, the chunk size and overlap
 * in tokens, how far a file may unpack, and the OCR that reads scanned pages and images (images are refused
 * without it).
 */
public record IngestionOptions(long maxFile, int maxFilesPerUpload, int chunkTokens, int chunkOverlap,
		ExtractionLimits extraction, Ocr ocr) {

	/** Without OCR. */
	public IngestionOptions(long maxFile, int maxFilesPerUpload, int chunkTokens, int chunkOverlap,
			ExtractionLimits extraction) {
		this(maxFile, maxFilesPerUpload, chunkTokens, chunkOverlap, extraction, Ocr.OFF);
	}

}
