package dev.eaw.kernel.jpa;

import java.time.Instant;

import dev.eaw.kernel.AuditEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(schema = "kernel", name = "audit_events")
class AuditEventEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private Instant at = Instant.now();

	@Column(nullable = false)
	private String actor;

	@Column(nullable = false)
	private String action;

	@Column(nullable = false)
	private String detail;

	protected AuditEventEntity() {
	}

	AuditEventEntity(String actor, String action, String detail) {
		this.actor = actor;
		this.action = action;
		this.detail = detail;
	}

	AuditEntry toEntry() {
		return new AuditEntry(id, at, actor, action, detail);
	}

}
