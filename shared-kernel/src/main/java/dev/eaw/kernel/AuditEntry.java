package dev.eaw.kernel;

import java.time.Instant;

/** One line of the audit trail: who did what, when. */
public record AuditEntry(long id, Instant at, String actor, String action, String detail) {
}
