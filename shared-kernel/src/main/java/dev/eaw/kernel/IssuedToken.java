package dev.eaw.kernel;

/** A freshly created API token, with the secret shown this once. */
public record IssuedToken(long id, String name, String token) {
}
