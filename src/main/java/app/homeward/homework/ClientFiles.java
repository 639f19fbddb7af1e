package app.homeward.homework;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditTrail;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Reads a {@link ClientFile}: four statements whatever the client's history (plus the clinic's homework
 * rules, read once per transaction). A client outside the caller's caseload or clinic is not found, as
 * everywhere else. {@link #read} leaves the audit trail to the caller (the client page records its opening
 * once); {@link #open} records the look, or the refusal, itself.
 */
@Service
@PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
public class ClientFiles {

    private static final Comparator<Entry> SENT_NEWEST_FIRST = Comparator.comparing(Entry::getSubmittedAt).reversed()
            .thenComparing(Entry::getId);

    private final ClientService clients;
    private final AssignmentRepository assignments;
    private final OccurrenceRepository occurrences;
    private final ChangeRequestRepository changeRequests;
    private final SafetyAlertRepository alerts;
    private final HomeworkSettingsLookup homeworkSettings;
    private final AuditTrail audit;

    ClientFiles(ClientService clients, AssignmentRepository assignments, OccurrenceRepository occurrences,
                ChangeRequestRepository changeRequests, SafetyAlertRepository alerts,
                HomeworkSettingsLookup homeworkSettings, AuditTrail audit) {
        this.audit = audit;
        this.clients = clients;
        this.assignments = assignments;
        this.occurrences = occurrences;
        this.changeRequests = changeRequests;
        this.alerts = alerts;
        this.homeworkSettings = homeworkSettings;
    }

    /** The file for a page that records the look as {@code action}; a refused look is recorded too. */
    @Transactional(readOnly = true)
    public ClientFile open(UUID clientId, AuditAction action) {
        clients.viewed(clientId, action);
        return read(clientId);
    }

    @Transactional(readOnly = true)
    public ClientFile read(UUID clientId) {
        ClientProfile client = clients.profile(clientId);
        List<Assignment> plans = new ArrayList<>(assignments.findByClientIdOrderByCreatedAtDesc(clientId));
        plans.sort(ClientFile.NEWEST_FIRST);
        List<Occurrence> due = new ArrayList<>();
        List<Entry> sent = new ArrayList<>();
        for (Object[] row : occurrences.findWithSentEntry(clientId)) {
            due.add((Occurrence) row[0]);
            if (row[1] instanceof Entry entry) {
                sent.add(entry);
            }
        }
        sent.sort(SENT_NEWEST_FIRST);
        return new ClientFile(client, homeworkSettings.grace(CurrentUser.require().clinicId()), List.copyOf(plans),
                List.copyOf(due), List.copyOf(sent),
                changeRequests.findByClientIdOrderByCreatedAtDesc(clientId),
                alerts.findByClientIdOrderByRaisedAtDesc(clientId));
    }
}
