package app.homeward.reminder;

import app.homeward.client.ClientChanged;
import app.homeward.client.ClientDirectory;
import app.homeward.client.ClientDirectory.ClientContact;
import app.homeward.homework.DueHomework;
import app.homeward.homework.HomeworkChanged;
import app.homeward.homework.HomeworkTimes;
import app.homeward.homework.SafetyAlertRaised;
import app.homeward.security.AccountDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The outbox writer. Whenever a client's homework or reminder choices change, it brings the
 * client's pending reminders in line with what should be — in the same transaction, just before it
 * commits, so a reminder exists exactly when the change that causes it exists. It moves reminders
 * whose time changed, cancels the ones no longer wanted (kept as "cancelled" in the delivery log)
 * and adds new ones; a reminder that already went out is never planned again. Staff digests are
 * planned here too ({@link #planDigests}), and alerts for the admins when a therapist cannot be told.
 */
@Component
class ReminderPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderPlanner.class);
    private static final Object PENDING_CLIENTS = new Object();

    private final ReminderRepository reminders;
    private final ReminderPreferenceRepository preferences;
    private final ReminderOverrideRepository overrides;
    private final HomeworkTimes homework;
    private final ClientDirectory clients;
    private final ClinicReminderRules clinics;
    private final ReminderWakeUp wakeUp;
    private final AccountDirectory accounts;
    private final AlertEscalation escalation;
    private final Clock clock;

    ReminderPlanner(ReminderRepository reminders, ReminderPreferenceRepository preferences,
                    ReminderOverrideRepository overrides, HomeworkTimes homework, ClientDirectory clients,
                    ClinicReminderRules clinics, ReminderWakeUp wakeUp, AccountDirectory accounts,
                    AlertEscalation escalation, Clock clock) {
        this.accounts = accounts;
        this.escalation = escalation;
        this.reminders = reminders;
        this.preferences = preferences;
        this.overrides = overrides;
        this.homework = homework;
        this.clients = clients;
        this.clinics = clinics;
        this.wakeUp = wakeUp;
        this.clock = clock;
    }

    /** Homework changed: re-plan that client's reminders before this transaction commits (once per client). */
    @EventListener
    void on(HomeworkChanged changed) {
        beforeCommit(changed.clinicId(), changed.clientId());
    }

    /** The client joined, was archived or restored, or changed zone or mode. */
    @EventListener
    void on(ClientChanged changed) {
        beforeCommit(changed.clinicId(), changed.clientId());
    }

    /**
     * A safety alert was raised: the therapist's notice is an outbox row in the same transaction, due
     * now, ignoring the client's quiet hours and reminder choices (it is the therapist's email), and
     * the clinic's task is woken after commit so it goes out within seconds.
     */
    @EventListener
    void on(SafetyAlertRaised raised) {
        Instant now = clock.instant();
        if (raised.therapistId() != null) {
            reminders.save(Reminder.aboutAlert(ReminderKind.ALERT, raised.therapistId(), raised.alertId(), now, now));
        } else {
            toAdmins(ReminderKind.ALERT, raised.alertId(), now);
        }
        // "still open" later: to whoever is an admin then (the row names no one until it is due)
        escalation.after().ifPresent(after -> reminders.save(
                Reminder.aboutAlert(ReminderKind.ESCALATION, null, raised.alertId(), now.plus(after), now)));
        wakeUp.afterCommit(raised.clinicId(), now);
    }

    /**
     * One email about an alert for each active admin of the bound clinic, due now: when the client's therapist
     * cannot be told, or when an escalation falls due. Returns how many; none only if the clinic has no active
     * admin, which the team page does not allow.
     */
    int toAdmins(ReminderKind kind, UUID alertId, Instant now) {
        List<UUID> admins = accounts.activeAdmins();
        admins.forEach(admin -> reminders.save(Reminder.aboutAlert(kind, admin, alertId, now, now)));
        if (admins.isEmpty()) {
            LOG.warn("a safety alert has no active admin to go to kind={}", kind);
        }
        return admins.size();
    }

    /**
     * Each staff member who chose a digest time has exactly one pending digest, at the next such local
     * time; a changed time moves it, a digest turned off is cancelled. Delivery calls it at the start of
     * every clinic run (in a transaction of its own), so a change shows within a minute.
     */
    void planDigests(UUID clinicId) {
        Instant now = clock.instant();
        ReminderRules rules = clinics.of(clinicId).orElse(null);
        if (rules == null) {
            return;
        }
        Map<UUID, Reminder> pending = new HashMap<>();
        for (Reminder digest : reminders.findPendingDigests()) {
            if (pending.putIfAbsent(digest.getAccountId(), digest) != null) {
                digest.cancel("duplicate", now);
            }
        }
        for (AccountDirectory.DigestSubscriber subscriber : accounts.digestSubscribers()) {
            ZoneId zone = subscriber.zone() == null ? rules.clinic().timeZone() : ZoneId.of(subscriber.zone());
            ZonedDateTime local = now.atZone(zone);
            ZonedDateTime next = ZonedDateTime.of(local.toLocalDate(), subscriber.time(), zone);
            if (!next.toInstant().isAfter(now)) {
                next = ZonedDateTime.of(local.toLocalDate().plusDays(1), subscriber.time(), zone);
            }
            Reminder existing = pending.remove(subscriber.accountId());
            if (existing == null) {
                reminders.save(Reminder.forStaff(ReminderKind.DIGEST, subscriber.accountId(), next.toInstant(), now));
            } else if (existing.getDueAt().isAfter(now) && !existing.getDueAt().equals(next.toInstant())) {
                // a changed time moves a digest still to come; one already due goes out in this run
                existing.reschedule(next.toInstant(), now);
            }
        }
        pending.values().forEach(digest -> digest.cancel("reminders-off", now));
    }

    void beforeCommit(UUID clinicId, UUID clientId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            replan(clinicId, clientId);
            return;
        }
        @SuppressWarnings("unchecked")
        Set<UUID> waiting = (Set<UUID>) TransactionSynchronizationManager.getResource(PENDING_CLIENTS);
        if (waiting == null) {
            Set<UUID> clientsToPlan = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(PENDING_CLIENTS, clientsToPlan);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    for (UUID client : List.copyOf(clientsToPlan)) {
                        replan(clinicId, client);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING_CLIENTS);
                }
            });
            waiting = clientsToPlan;
        }
        waiting.add(clientId);
    }

    /** Brings one client's pending reminders in line with their homework and choices. Runs in the caller's transaction. */
    void replan(UUID clinicId, UUID clientId) {
        Instant now = clock.instant();
        Optional<ClientContact> client = clients.contact(clientId);
        ReminderRules rules = clinics.of(clinicId).orElseThrow();
        Optional<ReminderPreference> preference = preferences.findByClientId(clientId);
        Map<Key, Instant> wanted = new HashMap<>();
        String reason = "reminders-off";
        if (client.isEmpty() || !client.get().reachable()) {
            reason = "client-not-active";
        } else if (preference.map(ReminderPreference::wantsReminders).orElse(rules.remindersDefaultOn())) {
            reason = "homework-closed";
            Map<UUID, ReminderOverride> byAssignment = new HashMap<>();
            overrides.findByClientId(clientId).forEach(o -> byAssignment.put(o.getAssignmentId(), o));
            QuietHours quiet = preference.map(ReminderPreference::quietHours)
                    .orElse(new QuietHours(rules.quietStart(), rules.quietEnd()));
            LocalTime preferred = preference.map(ReminderPreference::getPreferredTime).orElse(null);
            Duration grace = Duration.ofHours(rules.graceHours());
            List<DueHomework> open = homework.openFor(clientId, now.minus(grace));
            for (DueHomework due : open) {
                ReminderOverride override = byAssignment.get(due.assignmentId());
                if (override != null && !override.isEnabled()) {
                    continue;
                }
                ReminderTimes times = new ReminderTimes(client.get().zone(), preferred,
                        override == null ? null : override.getTimeOfDay(), quiet, rules.dueSoonHours(),
                        rules.overdueHours(), grace, client.get().simplified());
                times.of(due, now).forEach((kind, at) -> wanted.put(new Key(due.occurrenceId(), kind), at));
            }
            if (rules.weeklySummary()) {
                Instant weekly = weeklySummary(client.get(), preferred, quiet, open, now);
                if (weekly != null && !reminders.weeklyWentOut(clientId, weekly)) {
                    wanted.put(new Key(null, ReminderKind.WEEKLY), weekly);
                }
            }
        }
        List<Reminder> pending = reminders.findPendingForClient(clientId).stream()
                .filter(r -> r.getKind().planned()).toList();
        Set<Key> already = new HashSet<>();
        if (!wanted.isEmpty()) {
            // reminders that went out (or are going out) are never planned a second time
            reminders.findSentOrSending(clientId, wanted.keySet().stream().map(Key::occurrence).distinct().toList())
                    .forEach(r -> already.add(new Key(r.getOccurrenceId(), r.getKind())));
        }
        Instant earliest = null;
        List<UUID> cancelled = new ArrayList<>();
        for (Reminder reminder : pending) {
            Key key = new Key(reminder.getOccurrenceId(), reminder.getKind());
            Instant at = wanted.remove(key);
            if (at == null) {
                cancelled.add(reminder.getId());
            } else if (!at.equals(reminder.getDueAt())) {
                // conditional updates, not entity changes: a row claimed by delivery a moment ago is left
                // alone, and the client's own transaction never fails on a reminder's version
                reminders.movePending(reminder.getId(), at, now);
                earliest = earlier(earliest, at);
            }
        }
        if (!cancelled.isEmpty()) {
            reminders.cancelPending(cancelled, reason, now);
        }
        List<Reminder> added = new ArrayList<>();
        wanted.forEach((key, at) -> {
            if (!already.contains(key)) {
                added.add(Reminder.forClient(key.kind(), clientId, key.occurrence(), at, now));
            }
        });
        reminders.saveAll(added);
        for (Reminder reminder : added) {
            earliest = earlier(earliest, reminder.getDueAt());
        }
        if (earliest != null) {
            wakeUp.afterCommit(clinicId, earliest);
        }
    }

    /**
     * "Your week ahead": the coming Sunday (today, if it is Sunday and not yet past) at the client's
     * preferred time or 18:00, out of quiet hours — only if homework is due in the week after it.
     */
    private static Instant weeklySummary(ClientContact client, LocalTime preferred, QuietHours quiet,
                                         List<DueHomework> open, Instant now) {
        ZoneId zone = client.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        LocalTime at = preferred != null ? preferred : LocalTime.of(18, 0);
        ReminderTimes times = new ReminderTimes(zone, null, null, quiet, 0, 0, Duration.ZERO, false);
        Instant when = times.outOfQuietHours(ZonedDateTime.of(sunday, at, zone)).toInstant();
        if (when.isBefore(now)) {
            when = times.outOfQuietHours(ZonedDateTime.of(sunday.plusWeeks(1), at, zone)).toInstant();
        }
        Instant from = when;
        Instant to = when.plus(Duration.ofDays(7));
        boolean homeworkAhead = open.stream().anyMatch(d -> !d.dueAt().isBefore(from) && d.dueAt().isBefore(to));
        return homeworkAhead ? when : null;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private record Key(UUID occurrence, ReminderKind kind) {
    }
}
