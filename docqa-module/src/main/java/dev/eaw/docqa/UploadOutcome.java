package dev.eaw.docqa;

import org.jspecify.annotations.Nullable;

/**
 * What became of one uploaded file: {@code queued} (a new document, {@code id}), {@code duplicate} (the same bytes are
 * already in the collection as document {@code id}), {@code retried} (the same bytes are in the collection as document
 * {@code id}, which had failed: it is queued again), or {@code refused} with the {@code reason} (nothing kept).
 */
public record UploadOutcome(String fileName, String title, String status, @Nullable Long id, @Nullable String type,
		@Nullable String reason) {

	public static UploadOutcome queued(String fileName, long id, String type) {
		return new UploadOutcome(fileName, fileName, "queued", id, type, null);
	}

	public static UploadOutcome retried(String fileName, long id, String type) {
		return new UploadOutcome(fileName, fileName, "retried", id, type,
				"The same content had failed as document " + id + "; it is ingested again.");
	}

	public static UploadOutcome duplicate(String fileName, long id) {
		return new UploadOutcome(fileName, fileName, "duplicate", id, null,
				"The same content is already in this collection as document " + id + ".");
	}

	public static UploadOutcome refused(String fileName, String reason) {
		return new UploadOutcome(fileName, fileName, "refused", null, null, reason);
	}

}
