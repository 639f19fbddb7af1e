package app.homeward.reminder.ui;

import app.homeward.ViewTest;
import app.homeward.clinic.ui.ClinicSettingsView;
import app.homeward.portal.ui.MissingObjectView;
import app.homeward.reminder.DeliveryLogEntry;
import app.homeward.reminder.ReminderChoices;
import app.homeward.reminder.ReminderFixture;
import app.homeward.reminder.ReminderFixture.World;
import app.homeward.reminder.ReminderService;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder screens: the client's settings (what quiet hours mean, said plainly), the unsubscribe
 * page without signing in (with undo), the therapist's "remind now" and delivery log, and the clinic's
 * reminder rules.
 */
class ReminderViewsTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate DAY = LocalDate.of(2027, 6, 9);

    @Autowired ReminderFixture fixture;
    @Autowired ReminderService reminders;

    World world;

    @BeforeEach
    void aClientWhoJoinedOnAWednesdayMorning() {
        clock.moveTo(ZonedDateTime.of(DAY, LocalTime.of(9, 0), LONDON).toInstant());
        world = fixture.world(greenMail, LONDON, "en");
    }


    @Test
    void the_client_chooses_a_time_and_quiet_hours_and_is_told_plainly_what_they_mean() {
        fixture.assignDaily(world, DAY, LocalTime.of(20, 0), 3);
        TestUsers.signInAs(world.client());
        ReminderSettingsView view = navigate("my/reminders", ReminderSettingsView.class);

        assertThat(view.enabled.getValue()).isTrue();
        assertThat(view.quietStart.getValue()).isEqualTo(LocalTime.of(21, 30));
        assertThat(view.quietEnd.getValue()).isEqualTo(LocalTime.of(8, 0));
        assertThat(view.quietNote.getText()).isEqualTo(
                "No reminders between 9:30 PM and 8:00 AM. One that would come then arrives at 8:00 AM.");

        test(view.preferred).setValue(LocalTime.of(22, 0));
        assertThat(view.quietNote.getText()).isEqualTo(
                "Your preferred time is inside your quiet hours, so reminders will come at 8:00 AM.");
        test(view.quietEnd).setValue(LocalTime.of(21, 30));
        assertThat(view.quietNote.getText()).isEqualTo("Quiet all day means you get no reminders at all.");

        view.quietStart.clear();
        test(find(Button.class).id("reminders-save")).click();
        assertThat(view.quietStart.isInvalid()).isTrue();
        assertThat(view.quietStart.getErrorMessage())
                .isEqualTo("Choose both when quiet hours start and when they end, or neither.");

        test(view.quietStart).setValue(LocalTime.of(22, 30));
        test(view.quietEnd).setValue(LocalTime.of(7, 0));
        test(view.preferred).setValue(LocalTime.of(19, 15));
        test(find(Button.class).id("reminders-save")).click();

        assertThat(find(Notification.class).last().getElement().getProperty("text", ""))
                .isEqualTo("Reminder settings saved");
        ReminderChoices saved = reminders.mine();
        assertThat(saved.preferredTime()).isEqualTo(LocalTime.of(19, 15));
        assertThat(saved.quietHours().start()).isEqualTo(LocalTime.of(22, 30));
        assertThat(fixture.pendingDueTimes(world)).extracting(at -> at.atZone(LONDON).toLocalTime())
                .containsOnly(LocalTime.of(19, 15));
    }

    @Test
    void the_client_turns_reminders_off_for_one_homework() {
        fixture.assignDaily(world, DAY, LocalTime.of(20, 0), 3);
        TestUsers.signInAs(world.client());
        navigate("my/reminders", ReminderSettingsView.class);

        assertThat(find(H3.class).single().getText()).isEqualTo("Secret title Zq");
        test(find(Checkbox.class).withCaption("Remind me about this").single()).click();

        assertThat(reminders.mine().plans()).singleElement().satisfies(p -> assertThat(p.enabled()).isFalse());
        assertThat(fixture.pendingDueTimes(world)).isEmpty();
    }

    @Test
    void without_homework_the_page_says_where_per_homework_choices_will_appear() {
        TestUsers.signInAs(world.client());
        navigate("my/reminders", ReminderSettingsView.class);

        assertThat(find(Paragraph.class).withClassName("empty-state").single().getText())
                .startsWith("You have no homework right now.");
    }

    @Test
    void the_unsubscribe_link_asks_first_then_stops_reminders_without_signing_in_and_can_be_undone_on_the_spot() {
        fixture.assignDaily(world, DAY, LocalTime.of(20, 0), 3);
        String token = fixture.unsubscribeToken(world);
        TestUsers.signOut();

        navigate("unsubscribe/" + world.clinic().id() + "/" + token, UnsubscribeView.class);

        assertThat(find(Paragraph.class).id("unsubscribe-ask").getText())
                .isEqualTo("Stop reminder emails from " + world.clinic().name() + "?");
        assertThat(fixture.pendingDueTimes(world)).as("opening the link changes nothing").hasSize(3);
        navigate("unsubscribe/" + world.clinic().id() + "/" + token, UnsubscribeView.class);
        assertThat(fixture.pendingDueTimes(world)).as("nor does opening it again").hasSize(3);

        test(find(Button.class).id("unsubscribe-confirm")).click();

        assertThat(find(Paragraph.class).id("unsubscribe-done").getText())
                .isEqualTo("You will not get reminder emails from " + world.clinic().name() + " any more.");
        assertThat(fixture.pendingDueTimes(world)).isEmpty();

        test(find(Button.class).id("unsubscribe-undo")).click();

        assertThat(find(Paragraph.class).id("unsubscribe-done").getText())
                .isEqualTo("Reminders from " + world.clinic().name() + " are on again.");
        assertThat(fixture.pendingDueTimes(world)).hasSize(3);

        navigate("unsubscribe/" + world.clinic().id() + "/no-such-token", UnsubscribeView.class);
        assertThat(find(Paragraph.class).id("unsubscribe-unknown").getText()).startsWith("This link does not work any more.");
        assertThat(find(Button.class).withId("unsubscribe-confirm").exists()).isFalse();
        navigate("unsubscribe/not-a-clinic/" + token, UnsubscribeView.class);
        assertThat(find(Paragraph.class).id("unsubscribe-unknown").isVisible()).isTrue();
    }

    @Test
    void the_therapist_reminds_now_once_a_day_and_sees_it_in_the_delivery_log() {
        fixture.assignDaily(world, DAY, LocalTime.of(20, 0), 3);
        world.therapist().signIn();
        ClientRemindersView view = navigate("app/clients/" + world.clientId() + "/reminders", ClientRemindersView.class);

        test(find(Button.class).withText("Remind now").single()).click();

        assertThat(find(Notification.class).last().getElement().getProperty("text", ""))
                .isEqualTo("A reminder is on its way to " + world.name() + ".");
        Grid<?> log = find(Grid.class).id("delivery-log");
        assertThat(test(log).size()).isEqualTo(4);

        test(find(Button.class).withText("Remind now").single()).click();
        assertThat(find(Notification.class).last().getElement().getProperty("text", ""))
                .isEqualTo("A reminder for this homework was already sent in the last 24 hours.");
        assertThat(view.reason(new DeliveryLogEntry(null, null, null, null, null, null, 0,
                "smtp-550"))).isEqualTo("The mail server refused it (550).");
    }

    @Test
    void a_therapist_cannot_open_the_reminders_of_a_client_outside_their_caseload() {
        var colleague = testClinics.account(world.clinic(), Role.THERAPIST);
        colleague.signIn();
        navigate("app/clients/" + world.clientId() + "/reminders", MissingObjectView.class);
    }

    @Test
    void the_clinic_admin_sets_nudges_and_an_impossible_quiet_window_gets_a_clear_message() {
        var admin = testClinics.account(world.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
        navigate("app/settings", ClinicSettingsView.class);
        ClinicReminderSection section = find(ClinicReminderSection.class).single();

        test(section.quietEnd).setValue(section.quietStart.getValue());
        test(find(Button.class).id("save-reminder-settings")).click();
        assertThat(section.quietEnd.isInvalid()).isTrue();
        assertThat(section.quietEnd.getErrorMessage()).startsWith("Quiet hours that start and end at the same time");

        test(section.quietEnd).setValue(LocalTime.of(7, 0));
        test(section.dueSoon).setValue(2);
        test(find(Button.class).id("save-reminder-settings")).click();

        assertThat(find(Notification.class).last().getElement().getProperty("text", ""))
                .startsWith("Reminder settings saved");
        assertThat(reminders.clinicSettings().dueSoonHours()).isEqualTo(2);
    }
}
