package dev.eaw.mlops;

/** An alias of a registered model ({@code champion}) and the version it names. */
public record ModelAlias(String alias, String version) {
}
