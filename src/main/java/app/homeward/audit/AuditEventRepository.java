package app.homeward.audit;

import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.UUID;

/** Deliberately only save and read: the audit log is append-only. */
interface AuditEventRepository extends Repository<AuditEvent, UUID> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findAllByOrderByOccurredAtDesc(Pageable page);

    List<AuditEvent> findByClinicIdOrderByOccurredAtDesc(UUID clinicId, Pageable page);
}
