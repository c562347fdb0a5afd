package dev.eaw.docqa;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A document in a collection. {@code type} is what its content was recognised as ({@code pdf}, {@code docx},
 * {@code html}, {@code markdown}, {@code text}, and with OCR {@code png}, {@code jpeg}, {@code tiff}); {@code pages} is
 * known for PDFs and images once extracted; {@code progress} runs from 0 to 1; {@code reason} says why it failed;
 * {@code metadata} holds the key/value pairs given at upload or edited since (see {@link DocumentMetadata}).
 */
public record Document(long id, String collection, String title, String fileName, String type, String contentType,
		long size, @Nullable Integer pages, int chunks, DocumentStatus status, @Nullable String reason,
		double progress, String createdBy, Instant created, Map<String, String> metadata) {
}
