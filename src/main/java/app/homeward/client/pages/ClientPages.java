package app.homeward.client.pages;

import app.homeward.audit.AuditAction;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.homework.ClientFile;
import app.homeward.homework.ClientFiles;
import app.homeward.homework.adherence.AdherenceService;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.review.ReviewService;
import app.homeward.homework.review.SafetyAlerts;
import app.homeward.security.AccountService;
import app.homeward.security.AccountService.StaffMember;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reads each of the staff's client pages in one read-only transaction. It asks the features' own services (they check the
 * caseload and record what they audit) and they join this transaction, so the client, the clinic and the
 * plan are read once per page instead of once per service call. Decision 0038.
 */
@Service
@PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
public class ClientPages {

    /** How many weeks of adherence the page opens with (the panel offers the others). */
    public static final int ADHERENCE_WEEKS = 8;

    private final ClientService clients;
    private final AccountService accounts;
    private final ClinicDirectory clinics;
    private final SafetyAlerts safetyAlerts;
    private final ReviewService reviews;
    private final HomeworkPlans homework;
    private final AdherenceService adherence;
    private final ClientFiles files;

    ClientPages(ClientService clients, AccountService accounts, ClinicDirectory clinics, SafetyAlerts safetyAlerts,
                ReviewService reviews, HomeworkPlans homework, AdherenceService adherence, ClientFiles files) {
        this.files = files;
        this.clients = clients;
        this.accounts = accounts;
        this.clinics = clinics;
        this.safetyAlerts = safetyAlerts;
        this.reviews = reviews;
        this.homework = homework;
        this.adherence = adherence;
    }

    /**
     * The page as it opens: the audit trail records that the record was opened (once per page load), or that
     * the caller was refused. A client outside one's caseload or clinic is not found.
     */
    @Transactional(readOnly = true)
    public ClientPage open(UUID clientId) {
        return read(clients.open(clientId));
    }

    /** The page again after an action on it: the record was opened already, so no second "opened" record. */
    @Transactional(readOnly = true)
    public ClientPage reload(UUID clientId) {
        return read(clients.profile(clientId));
    }

    /**
     * The before-session page: everything since {@code since}, and adherence. The audit trail records a look at
     * the before-session review, one at adherence and one at the measures (whose scales the charts are drawn on),
     * as when each was read on its own.
     */
    @Transactional(readOnly = true)
    public BeforeSessionPage beforeSession(UUID clientId, Instant since) {
        ClientFile file = files.open(clientId, AuditAction.BEFORE_SESSION_VIEWED);
        return new BeforeSessionPage(reviews.beforeSession(file, since), adherence.client(file, ADHERENCE_WEEKS),
                adherence.measures(file));
    }

    /**
     * The homework parts come from one read of the client's file; each feature takes its part of it. A therapist
     * sees only their own caseload, so the staff list (which an admin needs to reassign the client) is read for
     * admins only: for anyone else the page names the client's therapist, who is the viewer.
     */
    private ClientPage read(ClientProfile client) {
        UUID id = client.id();
        HomewardUser me = CurrentUser.require();
        var clinic = clinics.findById(me.clinicId()).orElseThrow(NotFoundException::new);
        ClientFile file = files.read(id);
        boolean admin = me.role() == Role.CLINIC_ADMIN;
        List<StaffMember> staff = admin || !me.accountId().equals(client.therapistId()) ? accounts.colleagues()
                : List.of(new StaffMember(me.accountId(), me.displayName(), me.role()));
        return new ClientPage(client, clinic, staff,
                safetyAlerts.alertsOf(file).stream().filter(a -> a.acknowledgedAt() == null).toList(),
                reviews.changeRequests(file).stream().filter(r -> r.resolvedAt() == null).toList(),
                homework.assignments(file), clients.goals(id), reviews.entriesOf(file),
                adherence.client(file, ADHERENCE_WEEKS), adherence.measures(file));
    }
}
