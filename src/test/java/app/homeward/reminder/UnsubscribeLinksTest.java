package app.homeward.reminder;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.base.LinkTokens;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.reminder.ReminderService.UnsubscribeLink;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unsubscribe secrets are kept only as hashes: every reminder email has its own secret, and the database
 * holds its SHA-256, never the secret; links in emails sent before version 6 keep working (the migration
 * hashed the one secret each client had, with the database's own SHA-256, which must equal ours); and
 * asking what a link is about changes nothing.
 */
class UnsubscribeLinksTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate DAY = LocalDate.of(2027, 3, 24);
    static final Pattern LINK = Pattern.compile("/unsubscribe/([0-9a-f-]{36})/([A-Za-z0-9_-]+)");

    @Autowired ReminderFixture fixture;
    @Autowired ReminderDelivery delivery;
    @Autowired ReminderService reminders;
    @Autowired JdbcTemplate jdbc;
    @Autowired Environment environment;

    World world;

    @BeforeEach
    void aClientWhoJoined() {
        clock.moveTo(ZonedDateTime.of(DAY, LocalTime.NOON, BERLIN).toInstant());
        world = fixture.world(greenMail, BERLIN, "en");
    }

    @Test
    void each_reminder_email_has_its_own_secret_and_the_database_keeps_only_its_sha_256() throws Exception {
        fixture.assignDaily(world, DAY, LocalTime.of(19, 0), 2);
        clock.moveTo(ZonedDateTime.of(DAY, LocalTime.of(19, 0, 5), BERLIN).toInstant());
        delivery.deliverDue(world.clinic().id());
        clock.moveTo(ZonedDateTime.of(DAY.plusDays(1), LocalTime.of(19, 0, 5), BERLIN).toInstant());
        delivery.deliverDue(world.clinic().id());

        List<MimeMessage> mails = Mails.awaitTo(greenMail, world.email(), 3);
        String first = token(Mails.text(mails.get(1)));
        String second = token(Mails.text(mails.get(2)));
        assertThat(first).isNotEqualTo(second).hasSize(43);
        assertThat(mails.get(2).getHeader("List-Unsubscribe", null)).contains(second);
        assertThat(Mails.html(mails.get(2))).contains(second);

        List<Map<String, Object>> rows = jdbc.queryForList("select * from reminder where clinic_id = ?",
                world.clinic().id().toString());
        rows.addAll(jdbc.queryForList("select * from reminder_preference where clinic_id = ?", world.clinic().id().toString()));
        assertThat(rows.toString()).doesNotContain(first).doesNotContain(second)
                .contains(LinkTokens.hash(first)).contains(LinkTokens.hash(second));

        assertThat(reminders.unsubscribe(world.clinic().id(), first)).map(UnsubscribeLink::unsubscribed).contains(true);
        assertThat(reminders.unsubscribeLink(world.clinic().id(), second)).as("any of the client's emails")
                .map(UnsubscribeLink::unsubscribed).contains(true);
    }

    @Test
    void asking_what_a_link_is_about_changes_nothing() {
        fixture.assignDaily(world, DAY, LocalTime.of(19, 0), 2);
        String token = fixture.unsubscribeToken(world);

        assertThat(reminders.unsubscribeLink(world.clinic().id(), token))
                .contains(new UnsubscribeLink(world.clinic().name(), false));
        assertThat(fixture.pendingDueTimes(world)).hasSize(2);
    }

    @Test
    void a_link_from_an_email_sent_before_version_6_still_works() {
        fixture.assignDaily(world, DAY, LocalTime.of(19, 0), 2);
        String old = fixture.legacyUnsubscribeToken(world);

        assertThat(reminders.unsubscribe(world.clinic().id(), old)).map(UnsubscribeLink::unsubscribed).contains(true);
        assertThat(fixture.pendingDueTimes(world)).isEmpty();
        assertThat(reminders.resubscribe(world.clinic().id(), old)).map(UnsubscribeLink::unsubscribed).contains(false);
        assertThat(fixture.pendingDueTimes(world)).hasSize(2);
    }

    @Test
    void a_link_works_only_at_its_own_clinic_and_a_made_up_one_nowhere() {
        String token = fixture.unsubscribeToken(world);
        World other = fixture.world(greenMail, BERLIN, "en");

        assertThat(reminders.unsubscribeLink(other.clinic().id(), token)).isEmpty();
        assertThat(reminders.unsubscribe(other.clinic().id(), token)).isEmpty();
        assertThat(reminders.unsubscribe(world.clinic().id(), LinkTokens.newToken())).isEmpty();
        assertThat(reminders.unsubscribe(world.clinic().id(), LinkTokens.hash(token))).as("the stored hash is no key")
                .isEmpty();
        assertThat(reminders.unsubscribe(world.clinic().id(), "../" + token)).isEmpty();
    }

    @Test
    void the_migrations_sha_256_in_sql_equals_the_applications() {
        String expression = environment.getRequiredProperty("spring.flyway.placeholders[sha256_of_unsubscribe_token]");
        String token = LinkTokens.newToken().substring(0, 32);

        String inSql = jdbc.queryForObject("select " + expression.replace("unsubscribe_token", "?"), String.class, token);

        assertThat(inSql).isEqualTo(LinkTokens.hash(token));
    }

    private static String token(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as("an unsubscribe link in:\n" + text).isTrue();
        return m.group(2);
    }
}
