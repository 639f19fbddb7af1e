package app.homeward.reminder;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery by several application instances on one database, as in production: each worker is a
 * Homeward in a JVM of its own ({@link WorkerJvm}), with its own db-scheduler, sending to GreenMail
 * through a relay of its own ({@link SmtpRelay}). The test JVM plans the reminders through the real
 * services and then only watches: the database rows and what GreenMail received.
 * <p>
 * The two tests share the workers (starting a JVM takes 15–30 s here) and run in order: the crash
 * test kills them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReminderClusterTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
    static final int BATCH_SIZE = 200; // homeward.reminders.batch-size (default)
    static final Duration READY_WITHIN = Duration.ofSeconds(180);

    @Autowired ReminderFixture fixture;
    @Autowired ReminderService reminderService;
    @Autowired ReminderWakeUp wakeUp;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    WorkerJvm.H2Share h2;
    String h2Url;
    final List<WorkerJvm> workers = new ArrayList<>();
    final List<SmtpRelay> relays = new ArrayList<>();

    /** The workers' clocks and this JVM's are moved by the same amount from the wall clock, so they agree. */
    Duration clockOffset;

    @BeforeAll
    void twoInstancesStart() throws Exception {
        // the class's timeline (TestClockExtension keeps each test on it): the workers live on it too
        clockOffset = clock.offset();
        String url;
        try (Connection connection = dataSource.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        h2 = WorkerJvm.shareH2(url);
        h2Url = h2 == null ? null : h2.url();
        for (String name : List.of("worker-a", "worker-b")) {
            SmtpRelay relay = new SmtpRelay(ServerSetupTest.SMTP.getPort());
            relays.add(relay);
            workers.add(WorkerJvm.start(name, h2Url, relay.port(), clockOffset, "--homeward.reminders.threads=2"));
        }
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (WorkerJvm worker : workers) {
            worker.kill();
        }
        for (SmtpRelay relay : relays) {
            relay.close();
        }
        if (h2 != null) {
            h2.close();
        }
    }

    @Test
    @Order(1)
    void two_instances_on_one_database_deliver_1000_due_reminders_each_exactly_once() throws Exception {
        long started = System.nanoTime();
        // four clinics of 250 due reminders: one clinic's task runs on one instance at a time, and each
        // instance takes at most two (threads=2), so both instances deliver
        List<World> clients = new ArrayList<>();
        for (int clinic = 0; clinic < 4; clinic++) {
            clients.add(clientWithDailyPlans(250));
        }
        Set<UUID> clinicIds = clients.stream().map(w -> w.clinic().id()).collect(Collectors.toSet());
        assertThat(ids(clinicIds, "PENDING")).hasSize(1000);
        long seeded = System.nanoTime();
        for (WorkerJvm worker : workers) {
            worker.awaitReady(READY_WITHIN);
        }
        long ready = System.nanoTime();

        makeDueNow(clinicIds);
        awaitSettled(clinicIds, 1000, Duration.ofSeconds(120));
        long delivered = System.nanoTime();
        Thread.sleep(1500); // a second copy would come now, if at all

        Set<String> expected = messageIds(ids(clinicIds, "SENT"));
        assertThat(expected).hasSize(1000);
        List<String> arrived = reminderMessageIds(clients);
        assertThat(arrived).hasSize(1000);
        assertThat(new HashSet<>(arrived)).isEqualTo(expected);
        // the instances' own accounts: both delivered, and together exactly the 1000 (no clinic twice)
        List<Map<UUID, Integer>> sentBy = new ArrayList<>();
        for (WorkerJvm worker : workers) {
            Map<UUID, Integer> mine = new HashMap<>(worker.sentPerClinic());
            mine.keySet().retainAll(clinicIds);
            sentBy.add(mine);
        }
        assertThat(sentBy).as("both instances delivered some of the clinics").allMatch(m -> !m.isEmpty());
        assertThat(sentBy.stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum())
                .isEqualTo(1000);
        System.out.printf(Locale.ROOT, "[reliability] 1000 reminders: seeding %d ms, workers ready %d ms later,"
                        + " delivery %d ms; sent by worker-a %s, by worker-b %s%n",
                millis(started, seeded), millis(seeded, ready), millis(ready, delivered),
                sentBy.get(0).values(), sentBy.get(1).values());
    }

    @Test
    @Order(2)
    void a_worker_killed_in_the_middle_of_a_batch_loses_nothing_and_resends_only_what_was_in_flight_with_the_same_message_id()
            throws Exception {
        for (WorkerJvm worker : workers) {
            worker.awaitReady(READY_WITHIN);
        }
        int carriedByA = relays.get(0).messages();
        int carriedByB = relays.get(1).messages();
        List<World> clients = List.of(clientWithDailyPlans(300));
        UUID clinicId = clients.getFirst().clinic().id();
        int total = 300;
        // a slow mail server: 25 ms a message, so 300 take several seconds and the kill lands mid-batch
        relays.forEach(relay -> relay.delayPerMessage(25));

        makeDueNow(Set.of(clinicId));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (reminderMessageIds(clients).size() < 60 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(reminderMessageIds(clients)).as("the first 60 reminders arrived").hasSizeGreaterThanOrEqualTo(60);
        int viaA = relays.get(0).messages() - carriedByA;
        int viaB = relays.get(1).messages() - carriedByB;
        for (WorkerJvm worker : workers) {
            worker.kill(); // both: the one sending and the idle one, so only a restarted instance can finish
        }
        long killed = System.nanoTime();
        Set<UUID> inFlight = ids(Set.of(clinicId), "SENDING");
        int sentBeforeCrash = ids(Set.of(clinicId), "SENT").size();
        int arrivedBeforeRestart = reminderMessageIds(clients).size();
        assertThat(inFlight).as("the kill landed in the middle of a batch").isNotEmpty();
        assertThat(sentBeforeCrash).isLessThan(total);

        // restart: a fresh instance finds the dead execution (its heartbeat stopped) and the rows left "sending"
        relays.forEach(relay -> relay.delayPerMessage(0));
        WorkerJvm restarted = WorkerJvm.start("worker-c", h2Url, relays.getFirst().port(), clockOffset);
        workers.add(restarted);
        restarted.awaitReady(READY_WITHIN);
        long ready = System.nanoTime();
        awaitSettled(Set.of(clinicId), total, Duration.ofSeconds(90));
        long settled = System.nanoTime();
        Thread.sleep(1500);

        Map<String, Long> copies = reminderMessageIds(clients).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Set<UUID> all = ids(Set.of(clinicId), null);
        assertThat(all).hasSize(total);
        assertThat(ids(Set.of(clinicId), "SENT").size() + ids(Set.of(clinicId), "FAILED").size())
                .as("every reminder ends sent or failed").isEqualTo(total);
        assertThat(copies.keySet()).as("none lost: every reminder's Message-ID arrived").isEqualTo(messageIds(all));
        Set<String> duplicated = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(copies.values()).as("a resend is one more copy at most").allMatch(n -> n <= 2);
        assertThat(duplicated).as("only reminders in flight at the crash are sent twice").isSubsetOf(messageIds(inFlight));
        assertThat(duplicated.size()).isLessThanOrEqualTo(BATCH_SIZE);
        System.out.printf(Locale.ROOT, "[reliability] crash: killed after %d arrived (via a %d, b %d), %d sent and %d"
                        + " in flight in the database; restart ready after %d ms, rest delivered in %d ms; duplicates %d%n",
                arrivedBeforeRestart, viaA, viaB, sentBeforeCrash, inFlight.size(), millis(killed, ready),
                millis(ready, settled), duplicated.size());
    }

    /**
     * A new clinic with a therapist and a client who joined, with a daily plan from tomorrow (one reminder a
     * day, at 19:00) and no quiet hours, so every reminder passes the checks at send time once it is due.
     */
    private World clientWithDailyPlans(int days) {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        World world = fixture.join(greenMail, clinic, therapist, ZONE, "en");
        fixture.assignDaily(world, today(ZONE).plusDays(1), LocalTime.of(19, 0), days);
        TestUsers.signInAs(world.client());
        reminderService.updateMine(true, null, null, null, ZONE.getId(), "en");
        TestUsers.signOut();
        assertThat(fixture.pending(world)).hasSize(days);
        return world;
    }

    /** Moves the clinics' pending reminders into the past (plain SQL) and wakes their tasks, as the planner does. */
    private void makeDueNow(Collection<UUID> clinicIds) {
        Instant now = clock.instant();
        LocalDateTime past = LocalDateTime.ofInstant(now.minusSeconds(120), ZoneOffset.UTC);
        for (UUID clinicId : clinicIds) {
            jdbc.update("update reminder set due_at = ?, next_attempt_at = ? where clinic_id = ? and state = 'PENDING'",
                    past, past, clinicId.toString());
            wakeUp.runBy(clinicId, now);
        }
    }

    private void awaitSettled(Collection<UUID> clinicIds, int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int done = 0;
        while (System.nanoTime() < deadline) {
            done = ids(clinicIds, "SENT").size() + ids(clinicIds, "FAILED").size();
            if (done >= expected) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("only " + done + " of " + expected + " reminders sent or failed within " + timeout
                + "; workers:\n" + workers.stream().map(w -> w.tail()).collect(Collectors.joining("\n-----\n")));
    }

    /** The ids of the clinics' reminder rows in a state (null: all). */
    private Set<UUID> ids(Collection<UUID> clinicIds, String state) {
        Set<UUID> result = new HashSet<>();
        for (UUID clinicId : clinicIds) {
            List<String> rows = state == null
                    ? jdbc.queryForList("select id from reminder where clinic_id = ?", String.class, clinicId.toString())
                    : jdbc.queryForList("select id from reminder where clinic_id = ? and state = ?", String.class,
                    clinicId.toString(), state);
            rows.forEach(id -> result.add(UUID.fromString(id)));
        }
        return result;
    }

    private static Set<String> messageIds(Collection<UUID> reminderIds) {
        return reminderIds.stream().map(id -> "<reminder-" + id + "@localhost>").collect(Collectors.toSet());
    }

    /** The Message-IDs of the reminder emails GreenMail received for these clients, one entry per copy. */
    private static List<String> reminderMessageIds(List<World> clients) throws MessagingException {
        Set<String> addresses = clients.stream().map(w -> w.email().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> result = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            String id = message.getMessageID();
            if (id != null && id.startsWith("<reminder-") && addressedToAny(message, addresses)) {
                result.add(id);
            }
        }
        return result;
    }

    private static boolean addressedToAny(MimeMessage message, Set<String> addresses) throws MessagingException {
        Address[] recipients = message.getAllRecipients();
        return recipients != null && Arrays.stream(recipients).anyMatch(r -> r instanceof InternetAddress address
                && addresses.contains(address.getAddress().toLowerCase(Locale.ROOT)));
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
