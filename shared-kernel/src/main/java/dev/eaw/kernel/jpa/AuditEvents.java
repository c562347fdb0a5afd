package dev.eaw.kernel.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEvents extends JpaRepository<AuditEventEntity, Long> {
}
