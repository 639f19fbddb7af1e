package app.homeward.homework.adherence;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditTrail;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.homework.ClientFile;
import app.homeward.homework.Entry;
import app.homeward.homework.EntryRepository;
import app.homeward.homework.HomeworkSettingsLookup;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.homework.MeasureHistories;
import app.homeward.homework.MeasureHistory;
import app.homeward.homework.Occurrence;
import app.homeward.homework.OccurrenceRepository;
import app.homeward.homework.SafetyAlertRepository;
import app.homeward.security.AccountService.StaffMember;
import app.homeward.security.AccountService;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.worksheet.ReliableChange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Adherence for staff: per client, per therapist's caseload and (admins only) per clinic, over the
 * last 4, 8 or 12 weeks.
 * <p>
 * <b>The window</b> is the current week (Monday to today) and the weeks before it, in the clinic's
 * time zone; an occurrence belongs to it by its day in the client's time zone.
 * <p>
 * <b>What counts</b>: occurrences whose outcome is settled: <i>done</i>, <i>partly done</i> (the
 * client's reflection says less than 100 %), or <i>missed</i> (not done within the clinic's grace
 * period after the due time, see {@link Occurrence#state}). Homework still due (within the grace
 * period), coming up, or skipped (ended or carried over) is not counted.
 * <ul>
 *   <li><b>Completion rate</b> = (done + partly done) ÷ counted: partial work counts as doing homework.</li>
 *   <li><b>On-time rate</b> = (done + partly done no later than the due time) ÷ counted.</li>
 *   <li><b>Done / partly done / missed</b> = each ÷ counted (they add up to 100 %).</li>
 *   <li><b>Reflection averages</b>: difficulty (0–10), helpfulness (0–10) and "how much I did" (0–100 %)
 *       over the reflections on entries sent in the window.</li>
 *   <li><b>Missed runs</b>: the longest run of missed occurrences in a row (by due time) and the
 *       run going on now; for a group, the largest of its clients'.</li>
 * </ul>
 * Example: 4 counted, 2 done (1 of them late), 1 partly done (late), 1 missed → completion 75 %,
 * on time 25 %, done 50 %, partly done 25 %, missed 25 %.
 * <p>
 * <b>Clients needing attention</b> (see {@link AdherenceReport.Kind}): open safety alerts; nothing
 * done in 7 days (homework fell due in the last 7 days and was missed, and nothing was done, partly
 * done or sent in that time); confidence dropping (the client's confidence in their latest plan,
 * asked in session, is lower than in the plan before it). Archived clients are left out of the
 * caseload and clinic views.
 * <p>
 * Queries are bounded: whatever the number of clients, a report runs the same few statements (the
 * caseload's ids, the clinic's settings, the window's occurrences, entries, plans and open alerts in
 * one query each, the clients' names, and the colleagues' names for the clinic view).
 * A therapist sees only their caseload: another therapist's client is not found, and the clinic
 * view is for admins.
 */
@Service
@PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
@Transactional(readOnly = true)
public class AdherenceService {

    /** The windows the views offer, in weeks. */
    public static final List<Integer> WINDOWS = List.of(4, 8, 12);

    private final OccurrenceRepository occurrences;
    private final EntryRepository entries;
    private final SafetyAlertRepository alerts;
    private final AdherencePlans plans;
    private final ClientService clients;
    private final AccountService accounts;
    private final HomeworkSettingsLookup homeworkSettings;
    private final ClinicDirectory clinics;
    private final Clock clock;
    private final AuditTrail audit;
    private final MeasureHistories measureHistories;

    AdherenceService(OccurrenceRepository occurrences, EntryRepository entries, SafetyAlertRepository alerts,
                     AdherencePlans plans, ClientService clients, AccountService accounts,
                     HomeworkSettingsLookup homeworkSettings, ClinicDirectory clinics, Clock clock, AuditTrail audit,
                     MeasureHistories measureHistories) {
        this.clinics = clinics;
        this.audit = audit;
        this.measureHistories = measureHistories;
        this.occurrences = occurrences;
        this.entries = entries;
        this.alerts = alerts;
        this.plans = plans;
        this.clients = clients;
        this.accounts = accounts;
        this.homeworkSettings = homeworkSettings;
        this.clock = clock;
    }

    /** The signed-in staff member's own caseload (for an admin: the clients assigned to them). */
    public AdherenceReport caseload(int weeks) {
        HomewardUser me = CurrentUser.require();
        if (me.role() == Role.CLINIC_ADMIN) {
            return report(weeks, null, c -> me.accountId().equals(c.therapistId()), false);
        }
        return report(weeks, clients.caseloadIds(), c -> true, false);
    }

    /** The whole clinic ({@code therapistId} null) or one therapist's caseload: admins only. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    public AdherenceReport clinic(int weeks, UUID therapistId) {
        return report(weeks, null, c -> therapistId == null || therapistId.equals(c.therapistId()), true);
    }

    /** The clinic's active staff, whose caseloads an admin can look at one by one. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    public List<StaffMember> therapists() {
        return accounts.colleagues();
    }

    /**
     * One client's adherence; a client outside one's caseload (or clinic) is not found. Each call is a look
     * at the client's record (the panel loads it once, and again when the window changes): the audit trail
     * records it.
     */
    public ClientAdherence client(UUID clientId, int weeks) {
        return adherenceOf(clients.viewed(clientId, AuditAction.ADHERENCE_VIEWED), weeks);
    }

    /**
     * The same from the client's file, which holds every row the window needs: the rows are picked as the
     * queries of {@link #adherenceOf} pick them (bounds included), so both give the same figures. Audited as a look.
     */
    public ClientAdherence client(ClientFile file, int weeks) {
        UUID clientId = file.clientId();
        audit.record(AuditEntry.of(AuditAction.ADHERENCE_VIEWED).client(clientId).object(AuditObject.CLIENT, clientId));
        AdherenceWindow window = window(weeks);
        Instant from = window.fetchFrom();
        List<Occurrence> occ = file.occurrences().stream()
                .filter(o -> ClientFile.within(o.getDueAt(), from, window.fetchUntil())).toList();
        List<Entry> sent = file.submitted().stream()
                .filter(e -> ClientFile.within(e.getSubmittedAt(), from, window.now())).toList();
        List<AdherencePlans.PlanFacts> live = file.assignments().stream()
                .filter(a -> a.getEndedAt() == null || !a.getEndedAt().isBefore(from))
                .map(a -> new AdherencePlans.PlanFacts(a.getId(), a.getClientId(), a.getTitle(), a.getConfidence(),
                        a.getCreatedAt())).toList();
        long open = file.alerts().stream().filter(a -> a.getAcknowledgedAt() == null).count();
        return adherence(file.client(), window, occ, sent, live, open);
    }

    /** A client's adherence without a record of the look: for callers that audit what they do with it. */
    ClientAdherence adherenceOf(ClientProfile client, int weeks) {
        UUID clientId = client.id();
        AdherenceWindow window = window(weeks);
        List<UUID> one = List.of(clientId);
        List<Occurrence> occ = occurrences.findForAdherence(one, window.fetchFrom(), window.fetchUntil());
        List<Entry> sent = entries.findSubmittedForAdherence(one, window.fetchFrom(), window.now());
        List<AdherencePlans.PlanFacts> live = plans.livePlans(one, window.fetchFrom());
        long open = counts(alerts.countOpenForAdherence(one)).getOrDefault(clientId, 0L);
        return adherence(client, window, occ, sent, live, open);
    }

    private static ClientAdherence adherence(ClientProfile client, AdherenceWindow window, List<Occurrence> occ,
                                             List<Entry> sent, List<AdherencePlans.PlanFacts> live, long open) {
        AdherenceCalculator.ClientResult result = window.calculator()
                .client(client.id(), client.timeZone(), occ, sent, live, open);
        return new ClientAdherence(client.id(), client.displayName(), window.weeks(), window.firstDay(), result.stats(),
                window.calculator().weeks(result.weekCounts()), result.measures(), result.reasons());
    }


    private AdherenceWindow window(int weeks) {
        return AdherenceWindow.of(clock.instant(), clinics.currentTimeZone(),
                homeworkSettings.of(CurrentUser.require().clinicId()), weeks);
    }

    /**
     * A group's report in a fixed number of queries.
     *
     * @param ids  the clients to query (a therapist's caseload), or null for the whole clinic
     * @param keep which of the visible, not archived clients belong to the group
     */
    private AdherenceReport report(int weeks, Collection<UUID> ids, Predicate<ClientProfile> keep, boolean therapists) {
        AdherenceWindow window = window(weeks);
        AdherenceCalculator calculator = window.calculator();
        if (ids != null && ids.isEmpty()) {
            return new AdherenceReport(weeks, window.firstDay(), AdherenceStats.NONE,
                    calculator.weeks(new int[weeks][3]), List.of(), List.of());
        }
        Map<UUID, List<Occurrence>> occ = occurrences
                .findForAdherence(ids, window.fetchFrom(), window.fetchUntil()).stream()
                .collect(Collectors.groupingBy(Occurrence::getClientId));
        Map<UUID, List<Entry>> sent = entries.findSubmittedForAdherence(ids, window.fetchFrom(), window.now()).stream()
                .collect(Collectors.groupingBy(Entry::getClientId));
        Map<UUID, List<AdherencePlans.PlanFacts>> live = plans.livePlans(ids, window.fetchFrom()).stream()
                .collect(Collectors.groupingBy(AdherencePlans.PlanFacts::clientId)); // keeps newest first
        Map<UUID, Long> open = counts(alerts.countOpenForAdherence(ids));
        Set<UUID> seen = new HashSet<>(occ.keySet());
        seen.addAll(sent.keySet());
        seen.addAll(live.keySet());
        seen.addAll(open.keySet());
        List<ClientProfile> group = seen.isEmpty() ? List.of() : clients.accessibleAmong(seen).stream()
                .filter(c -> !c.archived()).filter(keep).toList();
        Map<UUID, String> names = new HashMap<>();
        if (therapists) {
            accounts.colleagues().forEach(s -> names.put(s.id(), s.displayName()));
        }

        AdherenceCalculator.Tally totals = new AdherenceCalculator.Tally();
        int[][] weekCounts = new int[weeks][3];
        List<AdherenceReport.ClientRow> rows = new ArrayList<>();
        List<AdherenceReport.Attention> attention = new ArrayList<>();
        Map<UUID, List<MeasureHistory>> measures = measureHistories.of(group.stream()
                .collect(Collectors.toMap(ClientProfile::id, ClientProfile::timeZone)));
        for (ClientProfile c : group) {
            AdherenceCalculator.ClientResult result = calculator.client(c.id(), c.timeZone(),
                    occ.getOrDefault(c.id(), List.of()), sent.getOrDefault(c.id(), List.of()),
                    live.getOrDefault(c.id(), List.of()), open.getOrDefault(c.id(), 0L));
            totals.add(result.tally());
            for (int w = 0; w < weeks; w++) {
                for (int k = 0; k < 3; k++) {
                    weekCounts[w][k] += result.weekCounts()[w][k];
                }
            }
            String therapist = names.getOrDefault(c.therapistId(), "");
            rows.add(new AdherenceReport.ClientRow(c.id(), c.displayName(), therapist, result.stats()));
            List<AdherenceReport.Reason> reasons = withDeteriorations(result.reasons(), measures.get(c.id()));
            if (!reasons.isEmpty()) {
                attention.add(new AdherenceReport.Attention(c.id(), c.displayName(), therapist, reasons));
            }
        }
        rows.sort(Comparator.comparing(AdherenceReport.ClientRow::clientName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(AdherenceReport.ClientRow::clientId));
        // the most serious first (alerts, then nothing done, then confidence), then by name
        attention.sort(Comparator.comparing((AdherenceReport.Attention a) -> a.reasons().getFirst().kind())
                .thenComparing(AdherenceReport.Attention::clientName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(AdherenceReport.Attention::clientId));
        return new AdherenceReport(weeks, window.firstDay(), totals.stats(), calculator.weeks(weekCounts),
                List.copyOf(rows), List.copyOf(attention));
    }

    /** The calculator's reasons and a reliable deterioration on any measure, most serious first. */
    private static List<AdherenceReport.Reason> withDeteriorations(List<AdherenceReport.Reason> reasons,
                                                                   List<MeasureHistory> measures) {
        List<AdherenceReport.Reason> all = new ArrayList<>(reasons);
        for (MeasureHistory m : measures == null ? List.<MeasureHistory>of() : measures) {
            if (m.change().outcome() == ReliableChange.Outcome.RELIABLE_DETERIORATION) {
                all.add(new AdherenceReport.Reason(AdherenceReport.Kind.RELIABLE_DETERIORATION, 0,
                        m.change().first(), m.change().latest(), m.title()));
            }
        }
        all.sort(Comparator.comparing(AdherenceReport.Reason::kind));
        return List.copyOf(all);
    }

    /**
     * One client's measures over time, with bands and reliable change, for the client page; audited as a
     * look at the client's record. A client outside one's caseload (or clinic) is not found.
     */
    public List<MeasureHistory> measures(UUID clientId) {
        ClientProfile client = clients.viewed(clientId, AuditAction.MEASURES_VIEWED);
        return measureHistories.of(clientId, client.timeZone());
    }

    /** The same from the client's file; audited as a look at the measures. */
    public List<MeasureHistory> measures(ClientFile file) {
        audit.record(AuditEntry.of(AuditAction.MEASURES_VIEWED).client(file.clientId())
                .object(AuditObject.CLIENT, file.clientId()));
        return measureHistories.of(file);
    }

    private static Map<UUID, Long> counts(List<Object[]> rows) {
        Map<UUID, Long> result = new HashMap<>();
        rows.forEach(r -> result.put((UUID) r[0], (Long) r[1]));
        return result;
    }
}
