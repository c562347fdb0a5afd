package dev.eaw.kernel;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A personal API token as listed: its secret is never shown again after creation. */
public record ApiToken(long id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt) {
}
