package dev.eaw.mlops;

import java.util.Map;

/** A served version's signature with one example input row built from it. */
public record ServedSignature(String model, String version, ModelSignature signature, Map<String, Object> example) {
}
