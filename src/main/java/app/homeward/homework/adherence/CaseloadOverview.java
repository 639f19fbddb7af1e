package app.homeward.homework.adherence;

import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.homework.EntryRepository;
import app.homeward.homework.HomeworkSettingsLookup;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.homework.Occurrence;
import app.homeward.homework.OccurrenceRepository;
import app.homeward.homework.SafetyAlertRepository;
import app.homeward.security.AccountService;
import app.homeward.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The caseload list's rows: each client with their adherence at a glance, what waits for review and their
 * open alerts. Lives with adherence because its numbers are the adherence pages' own ({@link AdherenceCalculator}).
 */
@Service
@PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
public class CaseloadOverview {

    private final ClientService clients;
    private final OccurrenceRepository occurrences;
    private final EntryRepository entries;
    private final SafetyAlertRepository alerts;
    private final AccountService accounts;
    private final HomeworkSettingsLookup homeworkSettings;
    private final ClinicDirectory clinics;
    private final Clock clock;

    CaseloadOverview(ClientService clients, OccurrenceRepository occurrences, EntryRepository entries,
                     SafetyAlertRepository alerts, AccountService accounts, HomeworkSettingsLookup homeworkSettings,
                     ClinicDirectory clinics, Clock clock) {
        this.clinics = clinics;
        this.clients = clients;
        this.occurrences = occurrences;
        this.entries = entries;
        this.alerts = alerts;
        this.accounts = accounts;
        this.homeworkSettings = homeworkSettings;
        this.clock = clock;
    }

    /**
     * One page of the caseload with adherence at a glance: the last four weeks as the adherence pages
     * count them (one calculation, {@link AdherenceCalculator}, so the two never disagree). A fixed
     * number of queries whatever the page size: the clients, the clinic's settings, then their
     * occurrences, unreviewed entries and open alerts in one query each, and the colleague names.
     */
    @Transactional(readOnly = true)
    public List<CaseloadRow> caseload(String text, boolean archived, boolean mineOnly, int offset, int limit) {
        List<ClientProfile> page = clients.caseload(text, archived, mineOnly, offset, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = page.stream().map(ClientProfile::id).toList();
        AdherenceWindow window = AdherenceWindow.of(clock.instant(), clinics.currentTimeZone(),
                homeworkSettings.of(CurrentUser.require().clinicId()),
                AdherenceWindow.CASELOAD_WEEKS);
        Map<UUID, List<Occurrence>> occurrencesOf = occurrences
                .findForAdherence(ids, window.fetchFrom(), window.fetchUntil()).stream()
                .collect(Collectors.groupingBy(Occurrence::getClientId));
        Map<UUID, Long> unreviewed = counts(entries.countUnreviewed(ids));
        Map<UUID, Long> openAlerts = counts(alerts.countOpen(ids));
        Map<UUID, String> names = new HashMap<>();
        accounts.colleagues().forEach(s -> names.put(s.id(), s.displayName()));
        return page.stream().map(c -> {
            // the adherence pages' own calculation: only the occurrences matter for these numbers
            AdherenceStats lastFourWeeks = window.calculator().client(c.id(), c.timeZone(),
                    occurrencesOf.getOrDefault(c.id(), List.of()), List.of(), List.of(), 0).stats();
            return new CaseloadRow(c, names.getOrDefault(c.therapistId(), ""), lastFourWeeks,
                    unreviewed.getOrDefault(c.id(), 0L).intValue(), openAlerts.getOrDefault(c.id(), 0L).intValue());
        }).toList();
    }

    private static Map<UUID, Long> counts(List<Object[]> rows) {
        Map<UUID, Long> result = new HashMap<>();
        rows.forEach(r -> result.put((UUID) r[0], (Long) r[1]));
        return result;
    }
}
