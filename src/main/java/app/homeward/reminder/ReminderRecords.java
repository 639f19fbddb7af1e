package app.homeward.reminder;

import app.homeward.base.NotFoundException;
import app.homeward.client.ClientDirectory;
import app.homeward.client.ClientDirectory.ClientContact;
import app.homeward.client.ClientService;
import app.homeward.security.CurrentUser;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's reminder choices and every reminder about them, for data rights: the client's own, or a
 * client's for staff who may see them. Never a body, never the unsubscribe secret.
 */
@Service
public class ReminderRecords {

    /** The whole delivery log, not the page's latest 200. */
    static final int ALL = 100_000;

    private final ReminderRepository reminders;
    private final ReminderPreferenceRepository preferences;
    private final ReminderOverrideRepository overrides;
    private final ClientDirectory clients;
    private final ClientService clientService;
    private final ClinicReminderRules clinics;

    ReminderRecords(ReminderRepository reminders, ReminderPreferenceRepository preferences,
                    ReminderOverrideRepository overrides, ClientDirectory clients, ClientService clientService,
                    ClinicReminderRules clinics) {
        this.reminders = reminders;
        this.preferences = preferences;
        this.overrides = overrides;
        this.clients = clients;
        this.clientService = clientService;
        this.clinics = clinics;
    }

    /** Reminders on or off, preferred time, quiet hours, unsubscribed, per-plan choices, and the delivery log. */
    public record ClientReminderRecord(boolean enabled, LocalTime preferredTime, QuietHours quietHours,
                                       Instant unsubscribedAt, boolean ownChoice, List<PlanChoice> plans,
                                       List<DeliveryLogEntry> deliveries) {
    }

    public record PlanChoice(UUID assignmentId, boolean enabled, LocalTime time) {
    }

    @PreAuthorize("hasRole('CLIENT')")
    @Transactional(readOnly = true)
    public ClientReminderRecord mine() {
        ClientContact me = clients.byAccount(CurrentUser.require().accountId()).orElseThrow(NotFoundException::new);
        return record(me.id());
    }

    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public ClientReminderRecord of(UUID clientId) {
        clientService.profile(clientId); // not in my caseload: not found
        return record(clientId);
    }

    private ClientReminderRecord record(UUID clientId) {
        ReminderRules rules = clinics.of(CurrentUser.require().clinicId()).orElseThrow(NotFoundException::new);
        Optional<ReminderPreference> pref = preferences.findByClientId(clientId);
        List<PlanChoice> plans = overrides.findByClientId(clientId).stream()
                .map(o -> new PlanChoice(o.getAssignmentId(), o.isEnabled(), o.getTimeOfDay())).toList();
        List<DeliveryLogEntry> log = reminders.findLog(clientId, PageRequest.of(0, ALL)).stream()
                .map(r -> new DeliveryLogEntry(r.getId(), r.getKind(), r.getDueAt(), r.getState(), r.getSentAt(),
                        r.getUpdatedAt(), r.getAttempts(), r.getLastError()))
                .toList().reversed();
        return new ClientReminderRecord(
                pref.map(ReminderPreference::isEnabled).orElse(rules.remindersDefaultOn()),
                pref.map(ReminderPreference::getPreferredTime).orElse(null),
                pref.map(ReminderPreference::quietHours).orElse(new QuietHours(rules.quietStart(), rules.quietEnd())),
                pref.map(ReminderPreference::getUnsubscribedAt).orElse(null), pref.isPresent(), plans, log);
    }
}
