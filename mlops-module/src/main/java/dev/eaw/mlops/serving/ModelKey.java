package dev.eaw.mlops.serving;

/** A model with a version, alias or {@code latest}: the key of serving's caches. */
record ModelKey(String model, String token) {
}
