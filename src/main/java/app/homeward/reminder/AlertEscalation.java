package app.homeward.reminder;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The clinic's rule for safety alerts nobody has acknowledged: after this long, every active clinic admin is
 * emailed "a client's alert is still open", once. Four hours unless the clinic chose otherwise; "never" is a
 * choice a clinic can make (it then watches the alerts page itself).
 */
@Service
public class AlertEscalation {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEscalation.class);

    /** What the settings offer, in hours; 0 is "never". */
    public static final List<Integer> CHOICES_HOURS = List.of(0, 1, 2, 4, 8, 24);
    static final Duration DEFAULT = Duration.ofHours(4);

    private final AlertPolicyRepository policies;
    private final AuditTrail audit;
    private final Clock clock;

    AlertEscalation(AlertPolicyRepository policies, AuditTrail audit, Clock clock) {
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** The bound clinic's escalation time; empty when the clinic turned escalation off. */
    @Transactional(readOnly = true)
    @PreAuthorize("permitAll()")
    public Optional<Duration> after() {
        return policies.current()
                .map(p -> p.getEscalationMinutes() == 0 ? Optional.<Duration>empty()
                        : Optional.of(Duration.ofMinutes(p.getEscalationMinutes())))
                .orElse(Optional.of(DEFAULT));
    }

    /** The escalation time in whole hours as the settings show it (0: never). */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public int hours() {
        return (int) after().map(Duration::toHours).orElse(0L).longValue();
    }

    /** Sets the escalation time: one of {@link #CHOICES_HOURS} (0: never). Applies to alerts raised from now on. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public void change(Integer hours) {
        if (hours == null || !CHOICES_HOURS.contains(hours)) {
            throw new DomainException("escalationHours", "alerts.escalation.invalid");
        }
        int minutes = (int) Duration.ofHours(hours).toMinutes();
        policies.current().ifPresentOrElse(p -> p.change(minutes, clock.instant()),
                () -> policies.save(new AlertPolicy(minutes, clock.instant())));
        audit.record(AuditEntry.of(AuditAction.SETTINGS_CHANGED).detail("alert-escalation"));
        LOG.info("alert escalation changed hours={}", hours);
    }
}
