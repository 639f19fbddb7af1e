package app.homeward.reminder;

import app.homeward.mail.ClinicSender;
import app.homeward.mail.Delivery;
import app.homeward.mail.MailIdentities;
import app.homeward.mail.MailService;
import app.homeward.mail.OutgoingMail;
import app.homeward.reminder.ReminderMail.Letter;
import app.homeward.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends one clinic's due reminders. Runs inside the clinic's db-scheduler task (one run per clinic
 * at a time, cluster-wide) with the clinic bound. The protocol for a reminder row:
 * <ol>
 * <li>claim: pending and due → sending (a conditional update: the planner may have moved or
 *     cancelled it a moment ago, and only pending rows are the planner's to change);</li>
 * <li>check again at send time ({@link SendTimeCheck}): homework still open, client active and opted
 *     in, account active, clinic active, not in quiet hours — else cancelled or postponed;</li>
 * <li>compose ({@link ReminderMail}; a template that fails fails that message only) and send the batch
 *     over one SMTP connection with a Message-ID made from the reminder's id;</li>
 * <li>record: sent; temporary failure → pending again after a backoff; permanent → failed.</li>
 * </ol>
 * A run that dies between 1 and 4 leaves rows "sending"; the next run of the clinic sends them again
 * with the same Message-ID, so duplicates are limited to what was in flight and recognisable. What is
 * due is the planner's business: each run first asks it to plan the staff digests.
 */
@Component
class ReminderDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderDelivery.class);

    private final ReminderRepository reminders;
    private final ReminderPlanner planner;
    private final SendTimeCheck check;
    private final ReminderMail composer;
    private final ClinicReminderRules clinics;
    private final MailIdentities identities;
    private final MailService mail;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;
    private final int chunkSize;
    private final Duration runBudget;
    @PersistenceContext
    private EntityManager entityManager;

    ReminderDelivery(ReminderRepository reminders, ReminderPlanner planner, SendTimeCheck check, ReminderMail composer,
                     ClinicReminderRules clinics, MailIdentities identities, MailService mail,
                     PlatformTransactionManager transactions, Clock clock, ReminderProperties settings) {
        this.reminders = reminders;
        this.planner = planner;
        this.check = check;
        this.composer = composer;
        this.clinics = clinics;
        this.identities = identities;
        this.mail = mail;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.batchSize = settings.batchSize();
        this.chunkSize = settings.chunkSize();
        this.runBudget = settings.runBudget();
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
        tx.executeWithoutResult(s -> planner.planDigests(clinicId));
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

    /** The claimed reminders that still go out, composed; a template that fails fails that message only. */
    private List<Outbound> decide(UUID clinicId, List<Reminder> claimed, Instant now) {
        ReminderRules rules = clinics.of(clinicId).orElse(null);
        ClinicSender sender = identities.sender(clinicId); // discreet or not: looked up once per batch
        List<Outbound> outbound = new ArrayList<>();
        for (Letter letter : check.stillGoingOut(claimed, rules, now)) {
            Reminder reminder = letter.reminder();
            try {
                outbound.add(new Outbound(reminder.getId(), reminder.getKind(), letter.clientId(),
                        composer.compose(letter, rules, sender)));
            } catch (RuntimeException e) {
                // visible in the delivery log; the log line names the reminder and the kind of failure only
                LOG.warn("reminder could not be rendered reminder={} kind={} cause={}", reminder.getId(),
                        reminder.getKind(), e.getClass().getSimpleName());
                reminder.failed("template", now);
            }
        }
        return outbound;
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
