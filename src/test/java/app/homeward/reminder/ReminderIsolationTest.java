package app.homeward.reminder;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.reminder.ReminderFixture.World;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail goes only where it belongs: a delivery run for one clinic neither reads, changes nor sends
 * anything of another clinic (not even the rows another instance is sending for it right now; every
 * statement of the run is restricted to the clinic, as Hibernate's SQL and bind logs show), and a
 * display name with line breaks cannot add headers or recipients to a reminder.
 */
class ReminderIsolationTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");
    static final LocalDate DAY = LocalDate.of(2027, 6, 2);

    @Autowired ReminderFixture fixture;
    @Autowired ReminderDelivery delivery;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void theDayBefore() {
        clock.moveTo(ZonedDateTime.of(DAY.minusDays(1), LocalTime.NOON, ZONE).toInstant());
    }


    @Test
    void a_delivery_run_for_one_clinic_never_touches_or_sends_anything_of_another_clinic() {
        World a = fixture.world(greenMail, ZONE, "en");
        World b = fixture.world(greenMail, ZONE, "en");
        fixture.assignDaily(a, DAY, LocalTime.of(19, 0), 1);
        fixture.assignDaily(b, DAY, LocalTime.of(19, 0), 3);
        List<Reminder> ofB = fixture.pending(b);
        // B: one reminder due now, one being sent right now by another instance, one due tomorrow
        jdbc.update("update reminder set state = 'SENDING' where id = ?", ofB.get(1).getId().toString());
        jdbc.update("update reminder set due_at = ?, next_attempt_at = ? where id = ?",
                ofB.get(0).getDueAt().atZone(ZoneOffset.UTC).toLocalDateTime(),
                ofB.get(0).getDueAt().atZone(ZoneOffset.UTC).toLocalDateTime(), ofB.get(1).getId().toString());
        List<Map<String, Object>> bBefore = rowsOf(b);
        clock.moveTo(ofB.get(0).getDueAt().plusSeconds(5));

        List<String> statements = new ArrayList<>();
        List<String> bindings = new ArrayList<>();
        List<String> ordered = new ArrayList<>();
        var next = recordingSql(statements, bindings, ordered, () -> delivery.deliverDue(a.clinic().id()));

        String clinicA = a.clinic().id().toString();
        String clinicB = b.clinic().id().toString();
        assertThat(bindings).as("the capture works").anyMatch(value -> value.contains(clinicA));
        assertThat(bindings).as("no statement of A's run was given B's clinic id").noneMatch(value -> value.contains(clinicB));
        assertThat(statements).filteredOn(sql -> sql.matches("(?s).*\\breminder\\b.*"))
                .isNotEmpty().allMatch(sql -> sql.contains("clinic_id = ?") || sql.contains(ENTITY_UPDATE_TENANT),
                        "restricted to one clinic");
        // Hibernate's update of a loaded row (each email's unsubscribe hash) restricts by the session's clinic:
        // "clinic_id=coalesce(?,clinic_id)" with that clinic bound, never null (which would match any clinic)
        assertThat(tenantBindingsOfEntityUpdates(ordered)).isNotEmpty().containsOnly(clinicA);

        assertThat(fixture.pending(a)).isEmpty();
        assertThat(fixture.remindersOf(a)).extracting(Reminder::getState).containsOnly(ReminderState.SENT);
        assertThat(Mails.awaitTo(greenMail, a.email(), 2)).hasSize(2); // the invitation and the reminder
        assertThat(next).as("A's run answers A's next reminder (none), not B's").isNull();
        assertThat(rowsOf(b)).as("B's rows, versions included, are untouched").isEqualTo(bBefore);
        assertThat(Mails.to(greenMail, b.email())).as("only B's invitation").hasSize(1);

        // B's own run sends B's due reminders, and the one its dead run left "sending"
        delivery.deliverDue(b.clinic().id());
        assertThat(Mails.awaitTo(greenMail, b.email(), 3)).hasSize(3);
        assertThat(fixture.pending(b)).extracting(Reminder::getId).containsExactly(ofB.get(2).getId());
    }

    @Test
    void a_display_name_with_line_breaks_cannot_add_headers_or_recipients_to_a_reminder() throws Exception {
        World world = fixture.world(greenMail, ZONE, "en");
        fixture.assignDaily(world, DAY, LocalTime.of(19, 0), 1);
        Reminder planned = fixture.pending(world).getFirst();
        String hostile = "Robin\r\nBcc: victim@evil.test\r\nX-Injected: yes\r\n\r\n<b>Hi</b>";
        // the services refuse such names; this one got into the database some other way
        jdbc.update("update client set display_name = ? where id = ?", hostile, world.clientId().toString());
        clock.moveTo(planned.getDueAt().plusSeconds(5));

        delivery.deliverDue(world.clinic().id());

        MimeMessage reminder = Mails.awaitTo(greenMail, world.email(), 2).getLast();
        assertThat(reminder.getMessageID()).isEqualTo("<reminder-" + planned.getId() + "@localhost>");
        assertThat(reminder.getHeader("X-Injected")).isNull();
        assertThat(reminder.getHeader("Bcc")).isNull();
        assertThat(headerNames(reminder)).noneMatch(name -> name.equalsIgnoreCase("X-Injected") || name.equalsIgnoreCase("Bcc"));
        assertThat(recipients(reminder)).containsExactly(world.email());
        assertThat(Mails.to(greenMail, "victim@evil.test")).isEmpty();
        assertThat(Mails.subject(reminder)).doesNotContain("Robin").doesNotContain("\n");
        assertThat(Mails.html(reminder)).doesNotContain("<b>Hi</b>");
    }

    /**
     * Runs the action with Hibernate's SQL log (statements) and bind log (parameter values) captured
     * for this thread: proof of what the run asked the database, not only of what it changed.
     */
    /** How Hibernate restricts an update of a loaded tenant-scoped row to the session's clinic. */
    private static final String ENTITY_UPDATE_TENANT = "clinic_id=coalesce(?,clinic_id)";

    /**
     * The values bound to the clinic parameter of every entity update of a reminder row: the last
     * parameter of the statement, for each row of its batch.
     */
    private static List<String> tenantBindingsOfEntityUpdates(List<String> ordered) {
        List<String> values = new ArrayList<>();
        int tenantParameter = -1;
        for (String event : ordered) {
            if (event.startsWith("SQL ")) {
                String sql = event.substring(4);
                tenantParameter = sql.startsWith("update reminder ") && sql.endsWith(ENTITY_UPDATE_TENANT)
                        ? (int) sql.chars().filter(c -> c == '?').count() : -1;
            } else if (tenantParameter > 0 && event.startsWith("binding parameter (" + tenantParameter + ":")) {
                values.add(event.substring(event.lastIndexOf('[') + 1, event.lastIndexOf(']')));
            }
        }
        return values;
    }

    /** Records the statements and bindings, and both in order ("SQL ..." for a statement) in {@code ordered}. */
    private static <T> T recordingSql(List<String> statements, List<String> bindings, List<String> ordered,
                                      Supplier<T> action) {
        Logger sql = (Logger) LoggerFactory.getLogger("org.hibernate.SQL");
        Logger bind = (Logger) LoggerFactory.getLogger("org.hibernate.orm.jdbc.bind");
        Level sqlLevel = sql.getLevel();
        Level bindLevel = bind.getLevel();
        boolean sqlAdditive = sql.isAdditive();
        boolean bindAdditive = bind.isAdditive();
        String thread = Thread.currentThread().getName();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        sql.addAppender(appender);
        bind.addAppender(appender);
        sql.setAdditive(false);
        bind.setAdditive(false);
        sql.setLevel(Level.DEBUG);
        bind.setLevel(Level.TRACE);
        try {
            return action.get();
        } finally {
            sql.setLevel(sqlLevel);
            bind.setLevel(bindLevel);
            sql.setAdditive(sqlAdditive);
            bind.setAdditive(bindAdditive);
            sql.detachAppender(appender);
            bind.detachAppender(appender);
            for (ILoggingEvent event : appender.list) {
                if (thread.equals(event.getThreadName())) {
                    boolean statement = event.getLoggerName().equals("org.hibernate.SQL");
                    (statement ? statements : bindings).add(event.getFormattedMessage());
                    ordered.add((statement ? "SQL " : "") + event.getFormattedMessage());
                }
            }
        }
    }

    /** B's reminder rows as the database has them (every column), by id. */
    private List<Map<String, Object>> rowsOf(World world) {
        return jdbc.queryForList("select * from reminder where clinic_id = ? order by id", world.clinic().id().toString());
    }

    private static List<String> headerNames(MimeMessage message) throws MessagingException {
        List<String> names = new ArrayList<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            names.add(header.getName());
        }
        return names;
    }

    private static List<String> recipients(MimeMessage message) throws MessagingException {
        List<String> result = new ArrayList<>();
        Address[] all = message.getAllRecipients();
        for (Address address : all == null ? new Address[0] : all) {
            result.add(((InternetAddress) address).getAddress());
        }
        return result;
    }
}
