package dev.eaw.docqa.extraction;

/**
 * How far a file may grow when it is unpacked: a DOCX's parts together at most {@code maxExpanded} bytes, and each of
 * its XML parts (which POI holds in memory as a tree many times their size) at most {@code maxXmlPart} bytes.
 */
public record ExtractionLimits(long maxExpanded, long maxXmlPart) {

	public ExtractionLimits {
		if (maxExpanded < 1 || maxXmlPart < 1) {
			throw new IllegalArgumentException("The unpacked size limits must be positive");
		}
	}

}
