package dev.eaw.kernel;

/**
 * A database schema a module owns, migrated by Flyway from the module's own scripts at {@code location}
 * (e.g. {@code classpath:db/migration/insights}), with its history table inside that schema. Each module declares
 * one as a bean; the kernel migrates them all at startup, before anything uses the database.
 */
public record ModuleSchema(String name, String location) {

	public static ModuleSchema of(String name) {
		return new ModuleSchema(name, "classpath:db/migration/" + name);
	}

}
