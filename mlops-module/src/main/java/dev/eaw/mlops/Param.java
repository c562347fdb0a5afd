package dev.eaw.mlops;

/** A run's parameter: logged once, never changed. */
public record Param(String key, String value) {
}
