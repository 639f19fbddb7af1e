package app.homeward.homework.portal.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.TestClinics;
import app.homeward.ViewTest;
import app.homeward.base.DomainException;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.client.NewClient;
import app.homeward.homework.AssignmentPlan;
import app.homeward.homework.EntryState;
import app.homeward.homework.Schedule;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.OpenEntry;
import app.homeward.homework.portal.TodayService;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.ui.Choices;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.textfield.TextArea;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No answer a client typed is ever lost: a draft saved by the homework page is still there after
 * signing out, after the session expired (a new Vaadin session and a new sign-in), and the same entry
 * open in two tabs never silently overwrites: the later save is told, can reload, and goes on.
 * (A server restart is {@code app.homeward.homework.DraftRestartTest}, in its own JVM.)
 */
class DraftsInTheViewsTest extends ViewTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Dublin");

    @Autowired ClientService clients;
    @Autowired HomeworkPlans homework;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired JdbcTemplate jdbc;

    HomewardUser client;
    UUID occurrence;

    /** A client (linked to an account as accepting the invitation does) with a mood log due today. */
    @BeforeEach
    void aClientWithAMoodLogDueToday() {
        ClinicBranding clinic = testClinics.clinic();
        TestAccount therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        ClientProfile profile = clients.add(new NewClient("Orla Keane", TestClinics.randomEmail(), ZONE.getId(), "en", null, false));
        homework.assign(profile.id(), "mood-log", new AssignmentPlan("Mood log", "To see what lifts the mood.", null, null,
                null, Schedule.once(today(ZONE), LocalTime.of(23, 45), ZONE), null, null, null, 8, false, false,
                1, null));
        UUID account = UUID.randomUUID();
        assertThat(jdbc.update("update client set account_id = ?, status = 'ACTIVE' where id = ? and clinic_id = ?",
                account.toString(), profile.id().toString(), clinic.id().toString())).isEqualTo(1);
        client = TestUsers.principal(account, clinic.id(), clinic.slug(), profile.email(), profile.displayName(),
                Role.CLIENT, 0);
        TestUsers.signInAs(client);
        occurrence = todayService.today().dueNow().getFirst().occurrenceId();
    }

    @Test
    void a_draft_survives_signing_out_and_in_again() {
        DoHomeworkView page = open();
        Choices.choose(mood(page), "3");
        test(happenedOf(page)).setValue("Rain all day");
        assertThat(page.saveStatus.getText()).startsWith("Saved at ");

        signOutOfThisBrowser();
        TestUsers.signInAs(client);
        navigate(TodayView.class);
        assertThat(find(Button.class).withText("Continue").exists()).as("the card says there is a draft").isTrue();
        test(find(Button.class).withText("Continue").single()).click();

        DoHomeworkView again = (DoHomeworkView) getCurrentView();
        assertThat(again).isNotSameAs(page);
        assertThat(moodOf(again).getValue()).isEqualTo(3);
        assertThat(happenedOf(again).getValue()).isEqualTo("Rain all day");
        assertThat(again.saveStatus.getText()).startsWith("Saved at ");
    }

    @Test
    void a_draft_survives_an_expired_session_and_shows_in_the_new_one() {
        DoHomeworkView page = open();
        Choices.choose(mood(page), "7");
        test(happenedOf(page)).setValue("Walked by the sea");
        assertThat(page.saveStatus.getText()).startsWith("Saved at ");

        // the session expires: Vaadin session, UI and HTTP session are gone; the client signs in afresh
        cleanVaadinEnvironment();
        SecurityContextHolder.clearContext();
        initVaadinEnvironment();
        TestUsers.signInAs(client);
        DoHomeworkView fresh = open();

        assertThat(fresh).isNotSameAs(page);
        assertThat(moodOf(fresh).getValue()).isEqualTo(7);
        assertThat(happenedOf(fresh).getValue()).isEqualTo("Walked by the sea");
        OpenEntry stored = entryService.open(occurrence);
        assertThat(stored.state()).isEqualTo(EntryState.DRAFT);
        assertThat(stored.answers()).containsEntry("mood", 7).containsEntry("happened", "Walked by the sea");

        test(happenedOf(fresh)).setValue("Walked by the sea, then slept well");
        assertThat(fresh.saveStatus.getText()).as("the new session carries on with the stored lock").startsWith("Saved at ");
        assertThat(entryService.open(occurrence).answers()).containsEntry("happened", "Walked by the sea, then slept well");
    }

    @Test
    void the_same_entry_open_in_two_tabs_never_silently_overwrites_the_later_save_is_told_and_can_reload() {
        DoHomeworkView first = open();
        Choices.choose(mood(first), "2");
        assertThat(first.saveStatus.getText()).startsWith("Saved at ");
        // a second tab opens the same homework (the router makes a new page when coming from another one)
        navigate(TodayView.class);
        DoHomeworkView second = open();
        assertThat(second).isNotSameAs(first);
        assertThat(moodOf(second).getValue()).isEqualTo(2);

        Choices.choose(mood(second), "6");
        test(happenedOf(second)).setValue("Typed in the second tab");
        assertThat(second.saveStatus.getText()).startsWith("Saved at ");

        // back in the first tab, which still holds the older version
        moodOf(first).setValue(9);
        first.save();

        assertThat(first.saveStatus.getText()).isNotEqualTo(second.saveStatus.getText())
                .doesNotStartWith("Saved at ");
        assertThat(first.saveStatus.hasClassName("save-status--problem")).isTrue();
        ConfirmDialog conflict = find(ConfirmDialog.class).single();
        assertThat(test(conflict).getHeader()).isEqualTo("These answers changed somewhere else");
        assertThat(entryService.open(occurrence).answers()).as("the second tab's answers were not overwritten")
                .containsEntry("mood", 6).containsEntry("happened", "Typed in the second tab");

        test(conflict).confirm();

        assertThat(moodOf(first).getValue()).as("reloaded: the latest answers").isEqualTo(6);
        assertThat(happenedOf(first).getValue()).isEqualTo("Typed in the second tab");
        moodOf(first).setValue(5);
        first.save();
        assertThat(first.saveStatus.getText()).as("after reloading, saving works again").startsWith("Saved at ");
        assertThat(entryService.open(occurrence).answers()).containsEntry("mood", 5)
                .containsEntry("happened", "Typed in the second tab");
    }

    @Test
    void two_saves_from_the_same_version_keep_the_first_and_tell_the_second() {
        var first = entryService.saveDraft(occurrence, Map.of("mood", 1), null);
        var tabA = entryService.saveDraft(occurrence, Map.of("mood", 2), first.lock());

        Throwable tabB = Assertions.catchThrowable(
                () -> entryService.saveDraft(occurrence, Map.of("mood", 3), first.lock()));

        assertThat(tabB).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo("entry.changed-elsewhere"));
        OpenEntry reloaded = entryService.open(occurrence);
        assertThat(reloaded.answers()).containsExactly(Map.entry("mood", 2));
        assertThat(reloaded.lock()).isEqualTo(tabA.lock());
        assertThat(entryService.saveDraft(occurrence, Map.of("mood", 3), reloaded.lock()).lock()).isNotEqualTo(tabA.lock());
    }

    // ------------------------------------------------------------------ helpers

    private DoHomeworkView open() {
        return navigate("my/homework/" + occurrence, DoHomeworkView.class);
    }

    private Component mood(DoHomeworkView page) {
        return field(Choices.FIELD, page, "mood");
    }

    private HasValue<?, Integer> moodOf(DoHomeworkView page) {
        return Choices.value(mood(page));
    }

    private TextArea happenedOf(DoHomeworkView page) {
        return field(TextArea.class, page, "happened");
    }

    private <T extends Component> T field(Class<T> type, DoHomeworkView page, String key) {
        return page.form.getChildren().filter(type::isInstance).map(type::cast)
                .filter(c -> key.equals(c.getElement().getAttribute("data-field"))).findFirst().orElseThrow();
    }
}
