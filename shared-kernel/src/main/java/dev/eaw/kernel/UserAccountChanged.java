package dev.eaw.kernel;

/** A user's password, role or status changed: whatever remembered their credentials must forget them. */
public record UserAccountChanged(String username) {
}
