package dev.eaw.kernel;

/**
 * What a user may do. Roles are ordered: each one includes everything the roles before it may do.
 */
public enum Role {

	/** Reads datasets, runs, documents and dashboards. */
	VIEWER,

	/** Also runs queries, trains models and ingests documents. */
	ANALYST,

	/** Also manages users, tokens and settings. */
	ADMIN;

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
