package dev.eaw.mlops;

/** What a model predicts: a class (with probabilities) or a number. */
public enum MlTask {

	CLASSIFICATION, REGRESSION;

	/** The lower-case name used on the wire and in params ({@code classification}, {@code regression}). */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The task of a lower-case or upper-case name; anything else is an {@link IllegalArgumentException}. */
	public static MlTask of(String name) {
		return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
	}

}
