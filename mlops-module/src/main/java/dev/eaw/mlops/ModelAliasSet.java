package dev.eaw.mlops;

/** Published when an alias of a registered model was set or moved to a version (what serving follows). */
public record ModelAliasSet(String name, String alias, String version) {
}
