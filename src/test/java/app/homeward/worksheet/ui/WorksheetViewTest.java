package app.homeward.worksheet.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.portal.ui.MissingObjectView;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.Draft;
import app.homeward.worksheet.Field;
import app.homeward.worksheet.FieldTypes;
import app.homeward.worksheet.Sharing;
import app.homeward.worksheet.WorksheetCategory;
import app.homeward.worksheet.WorksheetDocument;
import app.homeward.worksheet.WorksheetService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** /app/worksheets/{id}: one worksheet, its versions, and what the signed-in person may do with it. */
class WorksheetViewTest extends ViewTest {

    @Autowired WorksheetService worksheets;

    ClinicBranding clinic;
    TestAccount therapist;
    TestAccount colleague;
    TestAccount admin;

    @BeforeEach
    void aClinicWithTwoTherapistsAndAnAdmin() {
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        colleague = testClinics.account(clinic, Role.THERAPIST);
        admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        therapist.signIn();
    }

    @Test
    void a_built_in_shows_its_badge_a_copy_button_and_the_pdf_link_but_no_edit_button() {
        navigate("app/worksheets/thought-record", WorksheetView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Thought record");
        assertThat(find(Span.class).withClassName("badge--builtin").single().getText()).isEqualTo("Built-in");
        assertThat(badges()).contains("Built-in", "Version 1", "Published");
        assertThat(find(Button.class).withId("edit-worksheet").exists()).isFalse();
        assertThat(find(Button.class).withId("archive-worksheet").exists()).isFalse();
        assertThat(find(Button.class).withId("share-worksheet").exists()).isFalse();
        assertThat(find(Button.class).id("copy-worksheet").getText()).isEqualTo("Copy to my clinic");
        Anchor pdf = find(Anchor.class).id("worksheet-pdf");
        assertThat(pdf.getElement().getTextRecursively()).contains("Print or save as PDF");

        ByteArrayOutputStream download = new ByteArrayOutputStream();
        test(pdf).download(download);
        byte[] bytes = download.toByteArray();
        assertThat(new String(bytes, 0, Math.min(5, bytes.length), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(bytes.length).isGreaterThan(1_500);
    }

    @Test
    void copying_a_built_in_from_its_page_opens_the_builder_on_a_private_copy() {
        navigate("app/worksheets/phq-9", WorksheetView.class);

        test(find(Button.class).id("copy-worksheet")).click();

        WorksheetEditorView editor = (WorksheetEditorView) getCurrentView();
        assertThat(editor.title.getValue()).isEqualTo("PHQ-9 depression questionnaire");
        assertThat(editor.editors).hasSize(12);
        assertThat(find(Checkbox.class)
                .withCondition(c -> c.getLabel().equals("This worksheet is a scored measure")).single().getValue())
                .as("the scoring comes along").isTrue();
    }

    @Test
    void a_colleagues_private_template_is_not_found() {
        colleague.signIn();
        UUID privateOne = published(colleague, "Colleague's private plan", Sharing.PRIVATE);
        therapist.signIn();

        navigate("app/worksheets/" + privateOne, MissingObjectView.class);

        assertThat(find(WorksheetView.class).exists()).isFalse();
        assertThat(find(H1.class).single().getText()).isEqualTo("Page not found");
    }

    @Test
    void another_clinics_shared_template_is_not_found() {
        ClinicBranding otherClinic = testClinics.clinic();
        TestAccount stranger = testClinics.account(otherClinic, Role.THERAPIST);
        stranger.signIn();
        UUID theirs = published(stranger, "Another clinic's plan", Sharing.CLINIC);
        therapist.signIn();

        navigate("app/worksheets/" + theirs, MissingObjectView.class);

        assertThat(find(WorksheetView.class).exists()).isFalse();
        assertThat(find(H1.class).single().getText()).isEqualTo("Page not found");
    }

    @Test
    void the_edit_route_of_a_colleagues_private_template_is_not_found_either() {
        colleague.signIn();
        UUID privateOne = published(colleague, "Colleague's private plan", Sharing.PRIVATE);
        therapist.signIn();

        navigate("app/worksheets/" + privateOne + "/edit", MissingObjectView.class);

        assertThat(find(WorksheetEditorView.class).exists()).isFalse();
    }

    @Test
    void an_admin_sees_archive_on_a_shared_template_and_archiving_asks_first() {
        UUID shared = published(therapist, "Shared plan", Sharing.CLINIC);
        admin.signIn();

        navigate("app/worksheets/" + shared, WorksheetView.class);

        Button archive = find(Button.class).id("archive-worksheet");
        assertThat(archive.getText()).isEqualTo("Archive");
        assertThat(find(Button.class).withId("share-worksheet").exists()).as("only the author shares").isFalse();
        assertThat(find(Button.class).id("edit-worksheet").getText()).isEqualTo("Edit (makes a new version)");

        test(archive).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Archive this worksheet?");
        test(confirm).confirm();

        assertThat(notificationTexts()).contains("Worksheet archived.");
        assertThat(badges()).contains("Archived");
        assertThat(find(Button.class).withText("Restore").exists()).isTrue();
        assertThat(find(Button.class).withId("edit-worksheet").exists()).isFalse();
        assertThat(worksheets.template(shared, null).archived()).isTrue();
    }

    @Test
    void a_therapist_who_is_not_the_owner_does_not_see_archive_on_a_shared_template() {
        UUID shared = published(therapist, "Shared plan", Sharing.CLINIC);
        colleague.signIn();

        navigate("app/worksheets/" + shared, WorksheetView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Shared plan");
        assertThat(badges()).contains("Clinic", "Shared with the clinic");
        assertThat(find(Button.class).withId("archive-worksheet").exists()).isFalse();
        assertThat(find(Button.class).withId("share-worksheet").exists()).isFalse();
        assertThat(find(Button.class).withId("edit-worksheet").exists()).as("colleagues may edit shared ones").isTrue();
        assertThat(find(Button.class).withText("Duplicate").exists()).isTrue();
    }

    @Test
    void the_owner_sees_archive_and_share_on_their_private_template() {
        UUID mine = published(therapist, "My plan", Sharing.PRIVATE);

        navigate("app/worksheets/" + mine, WorksheetView.class);

        assertThat(badges()).contains("Mine", "Private");
        assertThat(find(Button.class).withId("archive-worksheet").exists()).isTrue();
        Button share = find(Button.class).id("share-worksheet");
        assertThat(share.getText()).isEqualTo("Share with the clinic");

        test(share).click();

        assertThat(notificationTexts()).contains("Shared: everyone in your clinic can now use and edit this worksheet.");
        assertThat(badges()).contains("Shared with the clinic");
    }

    @Test
    void v_1_shows_the_old_version_and_the_latest_shows_what_changed() {
        UUID id = published(therapist, "First title", Sharing.PRIVATE);
        Draft second = worksheets.openDraft(id);
        worksheets.publish(id, second.lock(), document("Second title",
                new FieldTypes.ShortText("q", "A question", "", false, null),
                new FieldTypes.YesNo("extra", "A new question", "", false)), Sharing.PRIVATE);

        UI.getCurrent().navigate(WorksheetView.class, new RouteParameters("id", id.toString()),
                QueryParameters.of("v", "1"));

        assertThat(getCurrentView()).isInstanceOf(WorksheetView.class);
        assertThat(find(H1.class).single().getText()).isEqualTo("First title");
        assertThat(badges()).contains("Version 1", "Published");
        assertThat(find(Span.class).withClassName("current-version").single().getText()).startsWith("Version 1 · Published");
        Instant published = worksheets.template(id, 1).versions().stream().filter(v -> v.number() == 1)
                .findFirst().orElseThrow().publishedAt();
        assertThat(find(Span.class).withClassName("current-version").single().getText())
                .as("the day on the clinic's calendar (Madrid), the US way in English")
                .isEqualTo("Version 1 · Published · " + DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US)
                        .format(published.atZone(ZoneId.of("Europe/Madrid"))));
        assertThat(find(UnorderedList.class).withId("version-changes").exists()).as("nothing before version 1").isFalse();
        WorksheetPreview preview = find(WorksheetPreview.class).single();
        assertThat(find(TextField.class, preview.form).all()).hasSize(1);

        navigate("app/worksheets/" + id, WorksheetView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Second title");
        assertThat(badges()).contains("Version 2");
        assertThat(find(ListItem.class, find(UnorderedList.class).id("version-changes")).all()).extracting(ListItem::getText)
                .containsExactly("The title changed.", "Added: A new question");
    }

    @Test
    void an_unknown_built_in_is_not_found() {
        navigate("app/worksheets/no-such-worksheet", MissingObjectView.class);

        assertThat(find(WorksheetView.class).exists()).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    /** A worksheet by {@code author} (who must be signed in), published once with the given sharing. */
    private UUID published(TestAccount author, String title, Sharing sharing) {
        UUID id = worksheets.create(title);
        Draft draft = worksheets.openDraft(id);
        worksheets.publish(id, draft.lock(), document(title, new FieldTypes.ShortText("q", "A question", "", false, null)),
                sharing);
        return id;
    }

    private static WorksheetDocument document(String title, Field... fields) {
        return new WorksheetDocument(title, "", "It helps.", WorksheetCategory.OTHER, List.of(), 5, 1, "en",
                List.of(fields), null);
    }

    private List<String> badges() {
        return find(Span.class).withClassName("badge").all().stream().map(Span::getText).toList();
    }

    private List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
