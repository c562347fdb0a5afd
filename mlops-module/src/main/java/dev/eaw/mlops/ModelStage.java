package dev.eaw.mlops;

import java.util.Locale;

/**
 * A model version's stage; MLflow deprecated stages for aliases in 2.9 but still speaks them. Names are read
 * case-insensitively and written as MLflow does ({@code None}, {@code Staging}, …).
 */
public enum ModelStage {

	NONE("None"), STAGING("Staging"), PRODUCTION("Production"), ARCHIVED("Archived");

	private final String label;

	ModelStage(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Staging and Production: the stages whose other versions {@code archive_existing_versions} archives. */
	public boolean active() {
		return this == STAGING || this == PRODUCTION;
	}

	/** The stage of a name in any case; an unknown one is INVALID_PARAMETER_VALUE. */
	public static ModelStage of(String name) {
		for (ModelStage stage : values()) {
			if (stage.label.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
				return stage;
			}
		}
		throw TrackingError.invalid("Invalid Model Version stage: " + name + ". Value must be one of None, Staging, "
				+ "Production, Archived.");
	}

}
