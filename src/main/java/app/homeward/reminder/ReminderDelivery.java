package app.homeward.reminder;

import app.homeward.base.Links;
import app.homeward.client.ClientDirectory;
import app.homeward.client.ClientDirectory.ClientContact;
import app.homeward.homework.DueHomework;
import app.homeward.homework.HomeworkTimes;
import app.homeward.mail.ClinicSender;
import app.homeward.mail.Delivery;
import app.homeward.mail.MailIdentities;
import app.homeward.mail.MailMessage;
import app.homeward.mail.MailService;
import app.homeward.mail.OutgoingMail;
import app.homeward.security.AccountDirectory;
import app.homeward.security.AccountDirectory.Contact;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicDirectory.ReminderRules;
import app.homeward.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends one clinic's due reminders. Runs inside the clinic's db-scheduler task (one run per clinic
 * at a time, cluster-wide) with the clinic bound. The protocol for a reminder row:
 * <ol>
 * <li>claim: pending and due → sending (a conditional update: the planner may have moved or
 *     cancelled it a moment ago, and only pending rows are the planner's to change);</li>
 * <li>check again at send time: homework still open, client active and opted in, account active,
 *     clinic active, not in quiet hours — else cancelled or postponed;</li>
 * <li>render (a template that fails fails that message only) and send the batch over one SMTP
 *     connection with a Message-ID made from the reminder's id;</li>
 * <li>record: sent; temporary failure → pending again after a backoff; permanent → failed.</li>
 * </ol>
 * A run that dies between 1 and 4 leaves rows "sending"; the next run of the clinic sends them again
 * with the same Message-ID, so duplicates are limited to what was in flight and recognisable.
 */
@Component
class ReminderDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderDelivery.class);
    private static final java.util.regex.Pattern COLOR = java.util.regex.Pattern.compile("#[0-9a-fA-F]{6}");
    /** What differs between two emails of the same clinic, language and kind: filled into a template rendered once. */
    private static final java.util.Set<String> CLIENT_FILL_INS = java.util.Set.of("recipientName", "unsubscribeLink");
    private static final java.util.Set<String> STAFF_FILL_INS = java.util.Set.of("recipientName");

    private final ReminderRepository reminders;
    private final ReminderPlanner planner;
    private final ReminderPreferenceRepository preferences;
    private final HomeworkTimes homework;
    private final ClientDirectory clients;
    private final AccountDirectory accounts;
    private final ClinicDirectory clinics;
    private final MailService mail;
    private final MailIdentities identities;
    private final Links links;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;
    @PersistenceContext
    private EntityManager entityManager;
    private final int chunkSize;
    private final Duration runBudget;
    private final String messageIdHost;

    ReminderDelivery(ReminderRepository reminders, ReminderPlanner planner, ReminderPreferenceRepository preferences,
                     HomeworkTimes homework,
                     ClientDirectory clients, AccountDirectory accounts, ClinicDirectory clinics, MailService mail,
                     MailIdentities identities,
                     Links links, PlatformTransactionManager transactions, Clock clock,
                     @Value("${homeward.reminders.batch-size:200}") int batchSize,
                     @Value("${homeward.reminders.chunk-size:50}") int chunkSize,
                     @Value("${homeward.reminders.run-budget:20s}") Duration runBudget,
                     @Value("${homeward.base-url}") String baseUrl) {
        this.reminders = reminders;
        this.planner = planner;
        this.preferences = preferences;
        this.homework = homework;
        this.clients = clients;
        this.accounts = accounts;
        this.clinics = clinics;
        this.mail = mail;
        this.identities = identities;
        this.links = links;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.batchSize = batchSize;
        this.chunkSize = chunkSize;
        this.runBudget = runBudget;
        String host = URI.create(baseUrl).getHost();
        this.messageIdHost = host == null ? "homeward.local" : host;
    }

    /** Sends what is due for one clinic; answers when its next pending reminder is due (null: none). */
    Instant deliverDue(UUID clinicId) {
        return TenantContext.callAs(clinicId, () -> {
            MDC.put("clinic", clinicId.toString());
            try {
                return run(clinicId);
            } finally {
                MDC.remove("clinic");
            }
        });
    }

    private Instant run(UUID clinicId) {
        Instant started = clock.instant();
        tx.executeWithoutResult(s -> planDigests(clinicId));
        Integer recovered = tx.execute(s -> reminders.releaseInFlight(clock.instant()));
        if (recovered != null && recovered > 0) {
            LOG.warn("reminders left in flight by a stopped run are sent again count={}", recovered);
        }
        int sent = 0;
        while (true) {
            Claimed claimed = claim(clinicId);
            List<Outbound> batch = claimed.outbound();
            for (int from = 0; from < batch.size(); from += chunkSize) {
                List<Outbound> chunk = batch.subList(from, Math.min(batch.size(), from + chunkSize));
                List<Delivery> results = mail.sendBatch(chunk.stream().map(Outbound::mail).toList());
                sent += record(clinicId, chunk, results);
            }
            // a short claim means nothing more is due; cancelled or postponed rows in it do not count as short
            if (claimed.count() < batchSize || Duration.between(started, clock.instant()).compareTo(runBudget) > 0) {
                break;
            }
        }
        if (sent > 0) {
            LOG.info("reminders sent count={}", sent);
        }
        return tx.execute(s -> reminders.nextAttempt().orElse(null));
    }

    /**
     * Each staff member who chose a digest time has exactly one pending digest, at the next such local
     * time; a changed time moves it, a digest turned off is cancelled. Runs at the start of every
     * clinic run, so a change shows within a minute.
     */
    private void planDigests(UUID clinicId) {
        Instant now = clock.instant();
        ReminderRules rules = clinics.reminderRules(clinicId).orElse(null);
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
            java.time.ZoneId zone = subscriber.zone() == null ? rules.clinic().timeZone()
                    : java.time.ZoneId.of(subscriber.zone());
            java.time.ZonedDateTime local = now.atZone(zone);
            java.time.ZonedDateTime next = java.time.ZonedDateTime.of(local.toLocalDate(), subscriber.time(), zone);
            if (!next.toInstant().isAfter(now)) {
                next = java.time.ZonedDateTime.of(local.toLocalDate().plusDays(1), subscriber.time(), zone);
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

    /** Claims a batch of due reminders and decides, for each, whether it still goes out; renders those that do. */
    private Claimed claim(UUID clinicId) {
        Claimed result = tx.execute(status -> {
            Instant now = clock.instant();
            List<UUID> due = reminders.findDueIds(now, PageRequest.of(0, batchSize));
            if (due.isEmpty()) {
                return new Claimed(0, List.of());
            }
            reminders.claim(due, now);
            // each client email's row gets its unsubscribe hash: one UPDATE per row, sent as JDBC batches
            entityManager.unwrap(Session.class).setJdbcBatchSize(chunkSize);
            List<Reminder> claimed = reminders.findClaimed(due);
            return new Claimed(due.size(), decide(clinicId, claimed, now));
        });
        return result == null ? new Claimed(0, List.of()) : result;
    }

    /** How many due rows a round looked at, and the messages among them that go out. */
    private record Claimed(int count, List<Outbound> outbound) {
    }

    private List<Outbound> decide(UUID clinicId, List<Reminder> claimed, Instant now) {
        ReminderRules rules = clinics.reminderRules(clinicId).orElse(null);
        ClinicSender sender = identities.sender(clinicId); // discreet or not: looked up once per batch
        List<UUID> clientIds = claimed.stream().map(Reminder::getClientId).filter(java.util.Objects::nonNull).distinct().toList();
        Map<UUID, ClientContact> contacts = clients.contacts(clientIds).stream()
                .collect(Collectors.toMap(ClientContact::id, Function.identity()));
        Map<UUID, ReminderPreference> prefs = preferences.findByClientIdIn(clientIds).stream()
                .collect(Collectors.toMap(ReminderPreference::getClientId, Function.identity()));
        Map<UUID, DueHomework> open = homework.stillOpen(claimed.stream().map(Reminder::getOccurrenceId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<UUID> accountIds = contacts.values().stream().map(ClientContact::accountId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<UUID, Contact> activeAccounts = accounts.activeContacts(accountIds);
        List<Outbound> outbound = new ArrayList<>();
        for (Reminder reminder : claimed) {
            if (rules == null || !rules.clinic().active()) {
                reminder.cancel("clinic-not-active", now);
                continue;
            }
            if (reminder.getKind() == ReminderKind.DIGEST) {
                digest(reminder, rules, sender, now).ifPresent(outbound::add);
                continue;
            }
            if (reminder.getKind() == ReminderKind.ALERT) {
                alert(reminder, rules, sender, now).ifPresent(outbound::add);
                continue;
            }
            if (reminder.getKind() == ReminderKind.ESCALATION) {
                escalation(reminder, rules, sender, now).ifPresent(outbound::add);
                continue;
            }
            if (reminder.getClientId() == null) {
                reminder.failed("not-a-client-reminder", now);
                continue;
            }
            ClientContact client = contacts.get(reminder.getClientId());
            ReminderPreference pref = prefs.get(reminder.getClientId());
            if (client == null || !client.reachable()) {
                reminder.cancel("client-not-active", now);
                continue;
            }
            if (!activeAccounts.containsKey(client.accountId())) {
                reminder.cancel("account-not-active", now);
                continue;
            }
            if (pref != null && pref.getUnsubscribedAt() != null) {
                reminder.cancel("unsubscribed", now);
                continue;
            }
            if (pref != null ? !pref.isEnabled() : !rules.remindersDefaultOn()) {
                reminder.cancel("reminders-off", now);
                continue;
            }
            if (reminder.getOccurrenceId() != null && !open.containsKey(reminder.getOccurrenceId())) {
                reminder.cancel("homework-closed", now);
                continue;
            }
            QuietHours quiet = pref != null ? pref.quietHours() : new QuietHours(rules.quietStart(), rules.quietEnd());
            if (quiet.wholeDay()) {
                reminder.cancel("reminders-off", now);
                continue;
            }
            Instant allowed = new ReminderTimes(client.zone(), null, null, quiet, 0, 0, Duration.ZERO, false)
                    .allowedFrom(now);
            if (allowed.isAfter(now)) {
                reminder.postpone(allowed, now); // quiet hours began since it was planned (or the zone changed)
                continue;
            }
            try {
                outbound.add(render(reminder, client, activeAccounts.get(client.accountId()), rules, sender));
            } catch (RuntimeException e) {
                // a template that fails to render fails this message only, visibly in the delivery log
                LOG.warn("reminder could not be rendered reminder={} cause={}", reminder.getId(),
                        e.getClass().getSimpleName());
                reminder.failed("template", now);
            }
        }
        return outbound;
    }

    /** A client's reminder, with an unsubscribe secret of its own (the row keeps only its hash). */
    private Outbound render(Reminder reminder, ClientContact client, Contact account, ReminderRules rules,
                            ClinicSender sender) {
        String token = UnsubscribeTokens.newToken();
        String language = client.language() != null ? client.language() : account.language();
        Locale locale = Locale.forLanguageTag(language == null ? rules.clinic().defaultLanguage() : language);
        // the unsubscribe page speaks the email's language
        String unsubscribe = links.absolute("/unsubscribe/" + rules.clinic().id() + "/" + token + "?lang="
                + app.homeward.base.Messages.supported(locale).getLanguage());
        String oneClick = links.absolute("/unsubscribe/one-click/" + rules.clinic().id() + "/" + token);
        Map<String, Object> model = model(client.displayName(), rules);
        model.put("link", links.clinicPage(rules.clinic().slug()));
        model.put("unsubscribeLink", unsubscribe);
        model.put("kind", reminder.getKind().name());
        MailMessage message = mail.prepare(sender, account.email(), locale, "reminder", model, CLIENT_FILL_INS);
        reminder.issueUnsubscribe(UnsubscribeTokens.hash(token));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + oneClick + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("Auto-Submitted", "auto-generated");
        return new Outbound(reminder.getId(), reminder.getKind(), client.id(),
                new OutgoingMail(message, messageId(reminder.getId()), headers));
    }

    /** A therapist's digest: counts of new entries and change requests since the last one; nothing new, no email. */
    private java.util.Optional<Outbound> digest(Reminder reminder, ReminderRules rules, ClinicSender sender,
                                                Instant now) {
        Contact staff = activeStaff(reminder, now);
        if (staff == null) {
            return java.util.Optional.empty();
        }
        Instant since = reminders.lastDigestSent(reminder.getAccountId())
                .orElse(reminder.getDueAt().minus(Duration.ofDays(1)));
        HomeworkTimes.DigestCounts counts = homework.since(clients.idsOfTherapist(reminder.getAccountId()), since);
        if (counts.nothing()) {
            reminder.cancel("nothing-new", now);
            return java.util.Optional.empty();
        }
        return staffEmail(reminder, staff, rules, sender, now, "digest", "/app/review",
                Map.of("entries", counts.entries(), "changeRequests", counts.changeRequests()));
    }

    /**
     * "A client needs your attention": who or what stays in the portal, behind sign-in. It goes out
     * whatever the client's reminder choices are; only an account that is no longer active stops it.
     */
    private java.util.Optional<Outbound> alert(Reminder reminder, ReminderRules rules, ClinicSender sender, Instant now) {
        Contact staff = accounts.activeContacts(List.of(reminder.getAccountId())).get(reminder.getAccountId());
        if (staff == null) {
            // the therapist was deactivated (or left) since: a safety alert must still reach a person
            int admins = planner.toAdmins(ReminderKind.ALERT, reminder.getAlertId(), now);
            reminder.cancel(admins > 0 ? "sent-to-admins" : "account-not-active", now);
            return java.util.Optional.empty();
        }
        return staffEmail(reminder, staff, rules, sender, now, "attention", "/app/alerts", Map.of());
    }

    /**
     * "A client's alert is still open": nothing if someone acknowledged it meanwhile; a row for "the admins"
     * becomes one email per admin active now; each admin's email goes out if the alert is still open then.
     */
    private java.util.Optional<Outbound> escalation(Reminder reminder, ReminderRules rules, ClinicSender sender,
                                                    Instant now) {
        if (!homework.alertStillOpen(reminder.getAlertId())) {
            reminder.cancel("acknowledged", now);
            return java.util.Optional.empty();
        }
        if (reminder.getAccountId() == null) {
            int admins = planner.toAdmins(ReminderKind.ESCALATION, reminder.getAlertId(), now);
            reminder.cancel(admins > 0 ? "sent-to-admins" : "no-active-admin", now);
            return java.util.Optional.empty();
        }
        Contact staff = activeStaff(reminder, now);
        return staff == null ? java.util.Optional.empty()
                : staffEmail(reminder, staff, rules, sender, now, "escalation", "/app/alerts", Map.of());
    }

    /** The staff member a staff email is for, or null (and the reminder cancelled) when their account is not active. */
    private Contact activeStaff(Reminder reminder, Instant now) {
        Contact staff = accounts.activeContacts(List.of(reminder.getAccountId())).get(reminder.getAccountId());
        if (staff == null) {
            reminder.cancel("account-not-active", now);
        }
        return staff;
    }

    private java.util.Optional<Outbound> staffEmail(Reminder reminder, Contact staff, ReminderRules rules,
                                                    ClinicSender sender, Instant now,
                                                    String template, String path, Map<String, Object> extra) {
        try {
            Map<String, Object> model = model(staff.displayName(), rules);
            model.putAll(extra);
            model.put("link", links.absolute(path));
            String language = staff.language() != null ? staff.language() : rules.clinic().defaultLanguage();
            MailMessage message = mail.prepare(sender, staff.email(), Locale.forLanguageTag(language),
                    template, model, STAFF_FILL_INS);
            return java.util.Optional.of(new Outbound(reminder.getId(), reminder.getKind(), null, new OutgoingMail(message,
                    messageId(reminder.getId()), Map.of("Auto-Submitted", "auto-generated"))));
        } catch (RuntimeException e) {
            LOG.warn("staff email could not be rendered reminder={} kind={} cause={}", reminder.getId(),
                    reminder.getKind(), e.getClass().getSimpleName());
            reminder.failed("template", now);
            return java.util.Optional.empty();
        }
    }

    /** What every reminder email shows: whom it greets, and the clinic's name and colour. */
    private static Map<String, Object> model(String recipientName, ReminderRules rules) {
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", recipientName);
        model.put("clinicName", rules.clinic().name());
        model.put("clinicColor", safeColor(rules.clinic().accentColor()));
        return model;
    }

    String messageId(UUID reminderId) {
        return "<reminder-" + reminderId + "@" + messageIdHost + ">";
    }

    private static String safeColor(String color) {
        return color != null && COLOR.matcher(color).matches() ? color : "#2f6f73";
    }

    /** Writes what happened; answers how many went out. */
    private int record(UUID clinicId, List<Outbound> chunk, List<Delivery> results) {
        Integer count = tx.execute(status -> {
            Instant now = clock.instant();
            List<UUID> sent = new ArrayList<>();
            Map<UUID, Delivery> failed = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                if (results.get(i).sent()) {
                    sent.add(chunk.get(i).reminderId());
                } else {
                    failed.put(chunk.get(i).reminderId(), results.get(i));
                }
            }
            if (!sent.isEmpty()) {
                reminders.markSent(sent, now);
            }
            for (int i = 0; i < chunk.size(); i++) {
                if (results.get(i).sent() && chunk.get(i).kind() == ReminderKind.WEEKLY) {
                    // the week ahead went out: plan the next one
                    planner.replan(clinicId, chunk.get(i).clientId());
                }
            }
            for (Reminder reminder : reminders.findAllById(failed.keySet())) {
                Delivery delivery = failed.get(reminder.getId());
                if (delivery.outcome() == Delivery.Outcome.PERMANENT) {
                    reminder.failed(delivery.code(), now);
                    LOG.warn("reminder failed reminder={} code={}", reminder.getId(), delivery.code());
                } else {
                    reminder.retryLater(delivery.code(), now, ThreadLocalRandom.current().nextDouble(-1, 1));
                }
            }
            return sent.size();
        });
        return count == null ? 0 : count;
    }

    private record Outbound(UUID reminderId, ReminderKind kind, UUID clientId, OutgoingMail mail) {
    }
}
