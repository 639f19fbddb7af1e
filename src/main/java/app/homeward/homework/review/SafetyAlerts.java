package app.homeward.homework.review;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.homework.AlertNotices;
import app.homeward.homework.AlertSummary;
import app.homeward.homework.ClientFile;
import app.homeward.homework.HomeworkTexts;
import app.homeward.homework.SafetyAlert;
import app.homeward.homework.SafetyAlertRepository;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Safety alerts for the therapist: the caseload's open alerts with who was told of them, a client's alerts,
 * and acknowledging one with a note. Raised by the client's submission (see the portal); told by email
 * through {@link AlertNotices} (the reminder feature).
 */
@Service
@PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
public class SafetyAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(SafetyAlerts.class);

    private final SafetyAlertRepository alerts;
    private final ClientService clients;
    private final AlertNotices notices;
    private final Clock clock;
    private final AuditTrail audit;

    SafetyAlerts(SafetyAlertRepository alerts, ClientService clients, AlertNotices notices, Clock clock, AuditTrail audit) {
        this.alerts = alerts;
        this.clients = clients;
        this.notices = notices;
        this.clock = clock;
        this.audit = audit;
    }

    /** Open safety alerts of the caseload (all clients, for admins), oldest first. */
    @Transactional(readOnly = true)
    public List<AlertSummary> openAlerts() {
        Collection<UUID> mine = CaseloadScope.filter(clients);
        List<SafetyAlert> open = mine == null ? alerts.findByAcknowledgedAtIsNullOrderByRaisedAt()
                : alerts.findOpenFor(mine);
        Map<UUID, ClientProfile> visible = CaseloadScope.byId(clients, open.stream().map(SafetyAlert::getClientId).distinct().toList());
        List<SafetyAlert> shown = open.stream().filter(a -> visible.containsKey(a.getClientId())).toList();
        // the emails name one alert of a submission; every alert of that entry was told by them
        Map<UUID, List<AlertSummary.Told>> byAlert = notices.told(shown.stream().map(SafetyAlert::getId).toList());
        Map<UUID, List<AlertSummary.Told>> byEntry = new HashMap<>();
        shown.forEach(a -> byEntry.merge(a.getEntryId(), byAlert.getOrDefault(a.getId(), List.of()),
                (x, y) -> Stream.concat(x.stream(), y.stream()).toList()));
        return shown.stream().map(a -> {
            AlertSummary plain = view(a, visible.get(a.getClientId()).displayName());
            return new AlertSummary(plain.id(), plain.clientId(), plain.clientName(), plain.entryId(), plain.label(),
                    plain.value(), plain.raisedAt(), plain.acknowledgedAt(), plain.note(),
                    byEntry.getOrDefault(a.getEntryId(), List.of()));
        }).toList();
    }

    /** How many {@link #openAlerts()} lists for this caseload ({@code null}: the clinic). */
    long countOpen(Collection<UUID> caseload) {
        return alerts.countAllOpen(caseload);
    }

    @Transactional(readOnly = true)
    public List<AlertSummary> alertsOf(UUID clientId) {
        ClientProfile client = clients.profile(clientId);
        return alerts.findByClientIdOrderByRaisedAtDesc(clientId).stream().map(a -> view(a, client.displayName())).toList();
    }

    /** The same, from the client's file. */
    public List<AlertSummary> alertsOf(ClientFile file) {
        return file.alerts().stream().map(a -> view(a, file.client().displayName())).toList();
    }

    /** Acknowledges an alert with a note (required); who and when is kept. */
    @Transactional
    public void acknowledge(UUID alertId, String note) {
        HomewardUser me = CurrentUser.require();
        SafetyAlert alert = alerts.findById(alertId).orElseThrow(NotFoundException::new);
        clients.profile(alert.getClientId());
        if (alert.getAcknowledgedAt() != null) {
            throw new DomainException("alert.already-acknowledged");
        }
        alert.acknowledge(me.accountId(), HomeworkTexts.text("note", note, 1000, true), clock.instant());
        audit.record(AuditEntry.of(AuditAction.ALERT_ACKNOWLEDGED).client(alert.getClientId())
                .object(AuditObject.ALERT, alertId));
        LOG.info("safety alert acknowledged clinic={} alert={}", me.clinicId(), alertId);
    }

    private static AlertSummary view(SafetyAlert a, String clientName) {
        return new AlertSummary(a.getId(), a.getClientId(), clientName, a.getEntryId(), a.getLabel(), a.getValue(),
                a.getRaisedAt(), a.getAcknowledgedAt(), a.getNote());
    }
}
