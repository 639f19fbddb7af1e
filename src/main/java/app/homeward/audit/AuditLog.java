package app.homeward.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/** Records who did what to which clinic. Details never hold personal or clinical data. */
@Service
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private final AuditEventRepository events;

    AuditLog(AuditEventRepository events) {
        this.events = events;
    }

    /** Joins the caller's transaction, so the record and the action commit or roll back together. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, UUID clinicId, String detail) {
        events.save(new AuditEvent(actor, action, clinicId, detail));
        LOG.info("audit action={} clinic={}", action, clinicId);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> latest(int count) {
        return events.findAllByOrderByOccurredAtDesc(PageRequest.of(0, count));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> latestFor(UUID clinicId, int count) {
        return events.findByClinicIdOrderByOccurredAtDesc(clinicId, PageRequest.of(0, count));
    }
}
