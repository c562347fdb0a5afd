package dev.eaw.docqa;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a document's ingestion is: {@code queued → extracting → embedding → ready | failed}. */
public enum DocumentStatus {

	QUEUED, EXTRACTING, EMBEDDING, READY, FAILED;

	/** The lower-case name, as stored and as the API shows it. */
	@JsonValue
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static DocumentStatus of(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}

	/** Whether ingestion is over, well or badly. */
	public boolean done() {
		return this == READY || this == FAILED;
	}

}
