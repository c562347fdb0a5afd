package dev.eaw.kernel;

import java.util.List;

/** The append-only record of who did what. Modules append with {@link #record}; admins read it. */
public interface AuditTrail {

	void record(String actor, String action, String detail);

	/** One page of entries, newest first; {@code page} counts from 0. */
	List<AuditEntry> page(int page, int size);

	long count();

}
