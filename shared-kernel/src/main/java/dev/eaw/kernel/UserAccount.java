package dev.eaw.kernel;

import java.time.Instant;

/** A user as the rest of the application sees it: never with the password hash. */
public record UserAccount(long id, String username, Role role, boolean enabled, Instant createdAt) {
}
