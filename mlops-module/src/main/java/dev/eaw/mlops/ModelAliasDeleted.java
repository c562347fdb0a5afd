package dev.eaw.mlops;

/** Published when an alias of a registered model was deleted. */
public record ModelAliasDeleted(String name, String alias) {
}
