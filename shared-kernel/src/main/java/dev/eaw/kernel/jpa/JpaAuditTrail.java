package dev.eaw.kernel.jpa;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.eaw.kernel.AuditEntry;
import dev.eaw.kernel.AuditTrail;

@Service
@Transactional
class JpaAuditTrail implements AuditTrail {

	private static final int MAX_DETAIL = 2000;

	private final AuditEvents events;

	JpaAuditTrail(AuditEvents events) {
		this.events = events;
	}

	@Override
	public void record(String actor, String action, String detail) {
		String shortened = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
		String who = actor.length() > 64 ? actor.substring(0, 64) : actor;
		events.save(new AuditEventEntity(who, action, shortened));
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditEntry> page(int page, int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500),
				Sort.by(Sort.Direction.DESC, "id"));
		return events.findAll(request).map(AuditEventEntity::toEntry).getContent();
	}

	@Override
	@Transactional(readOnly = true)
	public long count() {
		return events.count();
	}

}
