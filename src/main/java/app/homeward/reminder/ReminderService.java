package app.homeward.reminder;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.HomeworkWord;
import app.homeward.base.LinkTokens;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientDirectory;
import app.homeward.client.ClientDirectory.ClientContact;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.homework.DueHomework;
import app.homeward.homework.HomeworkSettingsLookup;
import app.homeward.homework.HomeworkTimes;
import app.homeward.homework.PlanTime;
import app.homeward.mail.MailIdentities;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reminder choices and the delivery log. Clients set their own preferences (the clinic's defaults
 * until they do) and may turn reminders off per assignment; anyone with an unsubscribe link may stop
 * reminders without signing in; therapists see when reminders went out and may "remind now";
 * clinic admins set the clinic's rules. Every change re-plans the outbox in the same transaction.
 */
@Service
public class ReminderService {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);
    static final int LOG_SIZE = 200;

    private final ReminderRepository reminders;
    private final ReminderPreferenceRepository preferences;
    private final ReminderOverrideRepository overrides;
    private final ReminderPlanner planner;
    private final ReminderWakeUp wakeUp;
    private final ClientDirectory clients;
    private final ClientService clientService;
    private final ClinicDirectory clinics;
    private final ClinicReminderRules reminderRules;
    private final MailIdentities mailIdentities;
    private final HomeworkTimes homework;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditTrail audit;
    private final HomeworkSettingsLookup homeworkSettings;

    ReminderService(ReminderRepository reminders, ReminderPreferenceRepository preferences,
                    ReminderOverrideRepository overrides, ReminderPlanner planner, ReminderWakeUp wakeUp,
                    ClientDirectory clients, ClientService clientService, ClinicDirectory clinics,
                    ClinicReminderRules reminderRules, MailIdentities mailIdentities, HomeworkTimes homework, PlatformTransactionManager transactions,
                    Clock clock, AuditTrail audit, HomeworkSettingsLookup homeworkSettings) {
        this.homeworkSettings = homeworkSettings;
        this.audit = audit;
        this.reminders = reminders;
        this.preferences = preferences;
        this.overrides = overrides;
        this.planner = planner;
        this.wakeUp = wakeUp;
        this.clients = clients;
        this.clientService = clientService;
        this.clinics = clinics;
        this.reminderRules = reminderRules;
        this.mailIdentities = mailIdentities;
        this.homework = homework;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the client's own settings

    @PreAuthorize("hasRole('CLIENT')")
    @Transactional(readOnly = true)
    public ReminderChoices mine() {
        ClientContact me = me();
        ReminderRules rules = rules();
        Optional<ReminderPreference> pref = preferences.findByClientId(me.id());
        Map<UUID, ReminderOverride> byPlan = new HashMap<>();
        overrides.findByClientId(me.id()).forEach(o -> byPlan.put(o.getAssignmentId(), o));
        List<ReminderChoices.PlanReminder> plans = homework.activePlans(me.id()).stream()
                .map(p -> planReminder(p, byPlan.get(p.assignmentId()))).toList();
        return new ReminderChoices(
                pref.map(ReminderPreference::isEnabled).orElse(rules.remindersDefaultOn()),
                pref.map(ReminderPreference::getPreferredTime).orElse(null),
                pref.map(ReminderPreference::quietHours).orElse(new QuietHours(rules.quietStart(), rules.quietEnd())),
                pref.map(ReminderPreference::getUnsubscribedAt).orElse(null),
                me.zone(), me.language(), plans);
    }

    private static ReminderChoices.PlanReminder planReminder(PlanTime plan, ReminderOverride override) {
        return new ReminderChoices.PlanReminder(plan.assignmentId(), plan.title(), plan.timeOfDay(),
                override == null || override.isEnabled(), override == null ? null : override.getTimeOfDay());
    }

    /**
     * Saves the client's reminder choices, time zone and language. Quiet hours need both ends or
     * neither; the same start and end means "quiet all day", i.e. no reminders (settings say so).
     */
    @PreAuthorize("hasRole('CLIENT')")
    @Transactional
    public void updateMine(boolean enabled, LocalTime preferredTime, LocalTime quietStart, LocalTime quietEnd,
                           String timeZone, String language) {
        ClientContact me = me();
        if ((quietStart == null) != (quietEnd == null)) {
            throw new DomainException(quietStart == null ? "quietStart" : "quietEnd", "reminder.quiet-both");
        }
        clientService.updateMine(timeZone, language);
        Instant now = clock.instant();
        ReminderPreference pref = preferences.findByClientId(me.id())
                .orElseGet(() -> preferences.save(new ReminderPreference(me.id(), rules(), now)));
        pref.change(enabled, trim(preferredTime), trim(quietStart), trim(quietEnd), now);
        planner.replan(CurrentUser.require().clinicId(), me.id());
        LOG.info("reminder preferences changed clinic={} client={}", CurrentUser.require().clinicId(), me.id());
    }

    /** Reminders for one assignment: off, or at another time (null: the usual time). */
    @PreAuthorize("hasRole('CLIENT')")
    @Transactional
    public void updatePlan(UUID assignmentId, boolean enabled, LocalTime time) {
        ClientContact me = me();
        if (homework.activePlans(me.id()).stream().noneMatch(p -> p.assignmentId().equals(assignmentId))) {
            throw new NotFoundException();
        }
        ReminderOverride override = overrides.findByAssignmentId(assignmentId)
                .orElseGet(() -> overrides.save(new ReminderOverride(me.id(), assignmentId)));
        override.change(enabled, trim(time));
        planner.replan(CurrentUser.require().clinicId(), me.id());
    }

    private ClientContact me() {
        HomewardUser user = CurrentUser.require();
        return clients.byAccount(user.accountId()).orElseThrow(NotFoundException::new);
    }

    private static LocalTime trim(LocalTime time) {
        return time == null ? null : time.withSecond(0).withNano(0);
    }

    // ---------------------------------------------------------------- one-click unsubscribe

    /**
     * What the unsubscribe link in a reminder email is about, without changing anything: the page asks
     * before it acts (a GET must not unsubscribe: mail scanners and link previews open links). Empty for
     * an unknown link or another clinic's.
     */
    @PreAuthorize("permitAll()")
    public Optional<UnsubscribeLink> unsubscribeLink(UUID clinicId, String token) {
        return byToken(clinicId, token, false, pref -> { });
    }

    /**
     * Stops a client's reminders from the link in any reminder email, without signing in; takes
     * effect at once (pending reminders are cancelled in the same transaction). Unknown links and
     * other clinics' links look the same: nothing happens.
     */
    @PreAuthorize("permitAll()")
    public Optional<UnsubscribeLink> unsubscribe(UUID clinicId, String token) {
        return byToken(clinicId, token, true, pref -> {
            pref.unsubscribe(clock.instant());
            LOG.info("reminders unsubscribed by link clinic={} client={}", clinicId, pref.getClientId());
        });
    }

    /** Undo, from the same page: reminders on again. */
    @PreAuthorize("permitAll()")
    public Optional<UnsubscribeLink> resubscribe(UUID clinicId, String token) {
        return byToken(clinicId, token, true, pref -> {
            pref.change(true, pref.getPreferredTime(), pref.quietHours().start(), pref.quietHours().end(),
                    clock.instant());
            LOG.info("reminders resubscribed by link clinic={} client={}", clinicId, pref.getClientId());
        });
    }

    /**
     * An unsubscribe link that works: the clinic as its emails name it (a discreet clinic's neutral
     * name), whether the client's reminders are off now, and the clinic's word for homework, which the page
     * says as the emails did (decision 0046).
     */
    public record UnsubscribeLink(String clinicName, boolean unsubscribed, HomeworkWord homeworkWord) {

        public UnsubscribeLink {
            homeworkWord = homeworkWord == null ? HomeworkWord.HOMEWORK : homeworkWord;
        }

        public UnsubscribeLink(String clinicName, boolean unsubscribed) {
            this(clinicName, unsubscribed, HomeworkWord.HOMEWORK);
        }
    }

    /**
     * Finds the client by the hash of the link's secret: the reminder email that carried it, or (links
     * from before version 6) the client's one old secret.
     */
    private Optional<UnsubscribeLink> byToken(UUID clinicId, String token, boolean changes,
                                              Consumer<ReminderPreference> change) {
        if (clinicId == null || !UnsubscribeTokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = LinkTokens.hash(token);
        // bind the link's clinic before the transaction starts: the one place a stranger acts for a clinic
        return TenantContext.callAs(clinicId, () -> tx.execute(status -> {
            Optional<UUID> clientId = reminders.findClientByUnsubscribeHash(hash).stream().findFirst()
                    .or(() -> preferences.findByLegacyUnsubscribeHash(hash).map(ReminderPreference::getClientId));
            if (clientId.isEmpty()) {
                return Optional.<UnsubscribeLink>empty();
            }
            Optional<ReminderPreference> existing = preferences.findByClientId(clientId.get());
            ReminderPreference pref;
            if (existing.isPresent()) {
                pref = existing.get();
            } else if (changes) {
                ReminderRules rules = reminderRules.of(clinicId).orElseThrow(NotFoundException::new);
                pref = preferences.save(new ReminderPreference(clientId.get(), rules, clock.instant()));
            } else {
                pref = null;
            }
            if (changes) {
                change.accept(pref);
                planner.replan(clinicId, pref.getClientId());
            }
            String name = clinics.findById(clinicId).map(c -> mailIdentities.shownName(clinicId, c.name(),
                    clinicLanguage(clientId.get(), c.defaultLanguage()))).orElse("");
            return Optional.of(new UnsubscribeLink(name, pref != null && pref.getUnsubscribedAt() != null,
                    homeworkSettings.of(clinicId).word()));
        }));
    }

    /** The client's language (for a discreet clinic's default neutral name), else the clinic's. */
    private Locale clinicLanguage(UUID clientId, String clinicDefault) {
        String language = clients.contacts(List.of(clientId)).stream().findFirst().map(ClientContact::language)
                .orElse(null);
        return Messages.forLanguageTag(language != null ? language : clinicDefault);
    }

    // ---------------------------------------------------------------- the therapist's side

    /**
     * A client's reminders for their therapist: what could be reminded about now, whether reminders
     * reach the client, and when each reminder was due and what happened (sent, failed, cancelled) —
     * never a body.
     */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public ClientReminders overview(UUID clientId) {
        // not in my caseload: not found; the look at their delivery log is recorded either way
        ClientProfile client = clientService.viewed(clientId, AuditAction.DELIVERY_LOG_VIEWED);
        ReminderRules rules = rules();
        ClientContact contact = clients.contact(clientId).orElseThrow(NotFoundException::new);
        Map<UUID, String> titles = new HashMap<>();
        homework.activePlans(clientId).forEach(p -> titles.put(p.assignmentId(), p.title()));
        Map<UUID, ClientReminders.DueNow> due = new LinkedHashMap<>();
        for (var d : dueByToday(contact, rules)) {
            if (titles.containsKey(d.assignmentId())) {
                due.putIfAbsent(d.assignmentId(), new ClientReminders.DueNow(d.assignmentId(),
                        titles.get(d.assignmentId()), d.dueAt()));
            }
        }
        boolean on = preferences.findByClientId(clientId).map(ReminderPreference::wantsReminders)
                .orElse(rules.remindersDefaultOn());
        return new ClientReminders(clientId, client.displayName(), rules.clinic().timeZone(), on, contact.reachable(),
                List.copyOf(due.values()), log(clientId));
    }

    /** The client's open homework due today or overdue (still within grace), soonest first: what "remind now" is for. */
    private List<DueHomework> dueByToday(ClientContact contact, ReminderRules rules) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, contact.zone());
        return homework.openFor(contact.id(), now.minus(Duration.ofHours(rules.graceHours()))).stream()
                .filter(d -> !d.localDate().isAfter(today)).toList();
    }

    private List<DeliveryLogEntry> log(UUID clientId) {
        return reminders.findLog(clientId, PageRequest.of(0, LOG_SIZE)).stream()
                .map(r -> new DeliveryLogEntry(r.getId(), r.getKind(), r.getDueAt(), r.getState(), r.getSentAt(),
                        r.getUpdatedAt(), r.getAttempts(), r.getLastError()))
                .toList();
    }

    /** "Remind now" on an open occurrence: at most once per occurrence per day, never against the client's choice. */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional
    public void remindNow(UUID occurrenceId) {
        UUID clientId = homework.clientOf(occurrenceId).orElseThrow(NotFoundException::new);
        ClientProfile client = clientService.profile(clientId);
        if (homework.stillOpen(List.of(occurrenceId)).isEmpty()) {
            throw new DomainException("reminder.not-open");
        }
        ClientContact contact = clients.contact(clientId).orElseThrow(NotFoundException::new);
        if (!contact.reachable()) {
            throw new DomainException("reminder.client-not-active");
        }
        Optional<ReminderPreference> pref = preferences.findByClientId(clientId);
        if (!pref.map(ReminderPreference::wantsReminders).orElse(rules().remindersDefaultOn())) {
            throw new DomainException("reminder.client-opted-out");
        }
        Instant now = clock.instant();
        if (reminders.countRemindNowSince(occurrenceId, now.minus(Duration.ofDays(1))) > 0) {
            throw new DomainException("reminder.already-today");
        }
        reminders.save(Reminder.forClient(ReminderKind.REMIND_NOW, client.id(), occurrenceId, now, now));
        wakeUp.afterCommit(CurrentUser.require().clinicId(), now);
        audit.record(AuditEntry.of(AuditAction.REMINDER_SENT_NOW).client(clientId).object(AuditObject.OCCURRENCE, occurrenceId));
        LOG.info("remind now clinic={} occurrence={}", CurrentUser.require().clinicId(), occurrenceId);
    }

    /** "Remind now" from a plan card: the plan's homework that is due today or overdue (still within grace). */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional
    public void remindNowForPlan(UUID clientId, UUID assignmentId) {
        clientService.profile(clientId);
        ClientContact contact = clients.contact(clientId).orElseThrow(NotFoundException::new);
        UUID occurrence = dueByToday(contact, rules()).stream()
                .filter(d -> d.assignmentId().equals(assignmentId))
                .map(DueHomework::occurrenceId).findFirst()
                .orElseThrow(() -> new DomainException("reminder.nothing-due"));
        remindNow(occurrence);
    }

    // ---------------------------------------------------------------- the clinic's rules

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public ReminderSettings clinicSettings() {
        return reminderRules.settings(CurrentUser.require().clinicId());
    }

    /** Changes the clinic's defaults and nudges; every client's pending reminders follow in this transaction. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public void updateClinicRules(boolean remindersOn, LocalTime quietStart, LocalTime quietEnd, Integer dueSoonHours,
                                  Integer overdueHours, boolean weeklySummary) {
        UUID clinicId = CurrentUser.require().clinicId();
        if ((quietStart == null) != (quietEnd == null)) {
            throw new DomainException(quietStart == null ? "quietStart" : "quietEnd", "reminder.quiet-both");
        }
        if (quietStart != null && quietStart.equals(quietEnd)) {
            throw new DomainException("quietEnd", "reminder.quiet-all-day-clinic");
        }
        int soon = range("dueSoonHours", dueSoonHours, 0, 48);
        int late = range("overdueHours", overdueHours, 0, 168);
        reminderRules.change(clinicId, remindersOn, trim(quietStart), trim(quietEnd), soon, late, weeklySummary);
        for (UUID client : clients.activeIds()) {
            planner.replan(clinicId, client);
        }
        audit.record(AuditEntry.of(AuditAction.SETTINGS_CHANGED).detail("reminders"));
        LOG.info("clinic reminder rules changed clinic={}", clinicId);
    }

    private static int range(String field, Integer value, int min, int max) {
        if (value == null) {
            return 0;
        }
        if (value < min || value > max) {
            throw new DomainException(field, "homework.range", min, max);
        }
        return value;
    }

    private ReminderRules rules() {
        return reminderRules.of(CurrentUser.require().clinicId()).orElseThrow(NotFoundException::new);
    }
}
