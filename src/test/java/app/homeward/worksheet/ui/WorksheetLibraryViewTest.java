package app.homeward.worksheet.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.base.Messages;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.Draft;
import app.homeward.worksheet.FieldTypes;
import app.homeward.worksheet.LibraryQuery.Source;
import app.homeward.worksheet.Sharing;
import app.homeward.worksheet.VersionState;
import app.homeward.worksheet.WorksheetDetail;
import app.homeward.worksheet.WorksheetDocument;
import app.homeward.worksheet.WorksheetService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** /app/worksheets: a therapist of a fresh clinic finds, previews, copies and starts worksheets. */
class WorksheetLibraryViewTest extends ViewTest {

    static final List<String> BUILT_INS = List.of("Activity and mood diary", "Activity planner",
            "AUDIT alcohol use questionnaire", "Coping card", "DASS-21 depression, anxiety and stress scales",
            "Exposure ladder", "Exposure practice record", "GAD-2 anxiety screener", "GAD-7 anxiety questionnaire",
            "Mood log", "PCL-5 post-traumatic stress checklist", "PHQ-15 physical symptoms questionnaire",
            "PHQ-2 depression screener", "PHQ-9 depression questionnaire", "Positive data log", "Problem solving",
            "Relaxation practice log", "Sleep diary", "Thought record", "Values and goals", "Worry log and worry time");

    @Autowired WorksheetService worksheets;

    ClinicBranding clinic;
    TestAccount therapist;
    WorksheetLibraryView view;

    @BeforeEach
    void aTherapistOfAFreshClinicOpensTheLibrary() {
        clinic = testClinics.clinic();
        therapist = testClinics.account(clinic, Role.THERAPIST);
        therapist.signIn();
        view = navigate(WorksheetLibraryView.class);
    }

    @Test
    void the_library_lists_the_twenty_one_built_ins_in_alphabetical_order() {
        assertThat(titles()).containsExactlyElementsOf(BUILT_INS);
        assertThat(view.count.getText()).isEqualTo("21 worksheets");
        assertThat(cards()).allSatisfy(card -> assertThat(find(Span.class, card).withClassName("badge--builtin")
                .single().getText()).isEqualTo("Built-in"));
        Div thoughtRecord = card("Thought record");
        assertThat(find(Span.class, thoughtRecord).withClassName("library-meta").single().getText())
                .isEqualTo("15 min · Medium · Thoughts");
        assertThat(find(Button.class, thoughtRecord).withText("Edit").exists()).as("built-ins are copied, not edited")
                .isFalse();
    }

    @Test
    void the_language_filter_starts_at_the_viewers_language_and_can_show_both() {
        assertThat(view.language.getValue()).as("an English UI starts with the English library").isEqualTo("en");
        assertThat(cards()).allSatisfy(card -> assertThat(find(Span.class, card).withClassName("badge--language")
                .single().getText()).isEqualTo("English"));

        test(view.language).selectItem("Español");
        assertThat(titles()).hasSize(21).contains("Registro de pensamientos", "PHQ-9, cuestionario de depresión",
                "GAD-7, cuestionario de ansiedad").doesNotContainAnyElementsOf(BUILT_INS);
        assertThat(cards()).allSatisfy(card -> assertThat(find(Span.class, card).withClassName("badge--language")
                .single().getText()).isEqualTo("Español"));
        assertThat(find(RouterLink.class, card("Registro de pensamientos")).single().getHref())
                .isEqualTo("app/worksheets/thought-record-es");

        view.language.clear();
        assertThat(titles()).as("all languages").hasSize(42).containsAll(BUILT_INS).contains("Registro de pensamientos");
        assertThat(view.count.getText()).isEqualTo("42 worksheets");
    }

    @Test
    void a_spanish_speaking_therapist_starts_with_the_spanish_library_and_packs_in_spanish() {
        UI.getCurrent().setLocale(Messages.SPANISH);
        navigate("app/worksheets/thought-record", WorksheetView.class);
        view = navigate(WorksheetLibraryView.class);

        assertThat(view.language.getValue()).isEqualTo("es");
        assertThat(view.count.getText()).isEqualTo("21 hojas de trabajo");
        assertThat(titles()).contains("Registro de pensamientos", "Diario de sueño").doesNotContain("Thought record");

        test(view.pack).selectItem(view.getTranslation("pack.worry.title"));
        assertThat(titles()).as("a pack shows the versions in the chosen language, in the pack's order")
                .containsExactly("GAD-7, cuestionario de ansiedad",
                        "Registro de preocupaciones y tiempo para preocuparse", "Registro de práctica de relajación",
                        "Registro de pensamientos", "Resolución de problemas");

        test(view.search).setValue("zzqx nada parecido");
        assertThat(find(Paragraph.class, view.results).withClassName("empty-state").single().getText())
                .isEqualTo("Ninguna hoja de trabajo coincide con estos filtros. Quita algún filtro (también el de idioma) "
                        + "o crea una hoja de trabajo nueva.");
    }

    @Test
    void searching_thought_narrows_the_list_and_thought_record_finds_only_the_thought_record() {
        test(view.search).setValue("thought");

        assertThat(titles()).as("title, description, tags and field labels are searched")
                .containsExactly("Coping card", "PCL-5 post-traumatic stress checklist", "PHQ-9 depression questionnaire",
                        "Thought record");
        assertThat(view.count.getText()).isEqualTo("4 worksheets");

        test(view.search).setValue("  Thought   RECORD ");

        assertThat(titles()).containsExactly("Thought record");
        assertThat(view.count.getText()).isEqualTo("1 worksheet");
    }

    @Test
    void the_category_difficulty_tag_and_source_filters_narrow_the_list() {
        test(view.category).selectItem("Measures");
        assertThat(titles()).containsExactly("AUDIT alcohol use questionnaire",
                "DASS-21 depression, anxiety and stress scales", "GAD-2 anxiety screener", "GAD-7 anxiety questionnaire",
                "PCL-5 post-traumatic stress checklist", "PHQ-15 physical symptoms questionnaire",
                "PHQ-2 depression screener", "PHQ-9 depression questionnaire");

        view.category.clear();
        test(view.difficulty).selectItem("Medium");
        assertThat(titles()).containsExactly("Activity planner", "Exposure ladder", "Exposure practice record",
                "Problem solving", "Thought record", "Values and goals", "Worry log and worry time");

        view.difficulty.clear();
        test(view.tag).selectItem("exposure");
        assertThat(titles()).containsExactly("Exposure ladder", "Exposure practice record");

        view.tag.clear();
        test(view.source).selectItem("Built-in");
        assertThat(titles()).containsExactlyElementsOf(BUILT_INS);

        test(view.source).selectItem("Mine");
        assertEmptyState();
    }

    @Test
    void the_source_filter_tells_my_own_from_the_clinics_and_never_shows_a_colleagues_private_one() {
        TestAccount colleague = testClinics.account(clinic, Role.THERAPIST);
        colleague.signIn();
        UUID shared = published(colleague, "Shared breathing plan", Sharing.CLINIC);
        published(colleague, "Colleague's private notes", Sharing.PRIVATE);
        therapist.signIn();
        worksheets.create("My own draft");
        // the router reuses the library instance when navigating to it again, and the list is only built
        // when the view is created: go through another page so a fresh library is made
        navigate("app/worksheets/thought-record", WorksheetView.class);
        view = navigate(WorksheetLibraryView.class);

        assertThat(titles()).hasSize(23).contains("Shared breathing plan", "My own draft")
                .doesNotContain("Colleague's private notes");

        test(view.source).selectItem("Clinic");
        assertThat(titles()).containsExactly("Shared breathing plan");
        Div card = card("Shared breathing plan");
        assertThat(find(Span.class, card).withClassName("badge").all()).extracting(Span::getText)
                .containsExactly("Clinic", "English", "Shared with the clinic");
        assertThat(find(Button.class, card).withText("Edit").exists()).isTrue();
        assertThat(find(RouterLink.class, card).single().getHref()).isEqualTo("app/worksheets/" + shared);

        test(view.source).selectItem("Mine");
        assertThat(titles()).containsExactly("My own draft");
        assertThat(find(Span.class, card("My own draft")).withClassName("badge--draft").single().getText()).isEqualTo("Draft");
    }

    @Test
    void a_search_with_no_match_shows_the_empty_state() {
        test(view.search).setValue("zzqx nothing like this");

        assertEmptyState();
    }

    @Test
    void copy_to_my_clinic_on_a_built_in_opens_the_builder_on_a_private_draft() {
        test(find(Button.class, card("Thought record")).withAriaLabel("Copy to my clinic: Thought record").single()).click();

        WorksheetEditorView editor = (WorksheetEditorView) getCurrentView();
        assertThat(editor.title.getValue()).isEqualTo("Thought record");
        assertThat(find(Paragraph.class).withClassName("builder-version").single().getText()).isEqualTo("Draft of version 1");
        assertThat(notificationTexts()).contains("“Thought record” copied. It is your private draft until you publish it.");
        WorksheetDetail copy = worksheets.template(currentTemplateId(), null);
        assertThat(copy.source()).isEqualTo(Source.MINE);
        assertThat(copy.state()).isEqualTo(VersionState.DRAFT);
        assertThat(copy.sharing()).isEqualTo(Sharing.PRIVATE);
        assertThat(copy.forkedFrom()).isEqualTo("thought-record");
        assertThat(copy.document()).isEqualTo(worksheets.builtIn("thought-record", null).document());
    }

    @Test
    void a_new_worksheet_needs_a_title_and_then_opens_the_builder() {
        test(view.create).click();
        Dialog dialog = find(Dialog.class).single();
        TextField title = find(TextField.class, dialog).id("new-worksheet-title");
        Button start = find(Button.class).id("new-worksheet-start");

        test(title).setValue("   ");
        test(start).click();

        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Please fill this in.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(getCurrentView()).isSameAs(view);

        test(title).setValue("Sleep plan");
        test(start).click();

        assertThat(dialog.isOpened()).isFalse();
        WorksheetEditorView editor = (WorksheetEditorView) getCurrentView();
        assertThat(editor.title.getValue()).isEqualTo("Sleep plan");
        WorksheetDetail created = worksheets.template(currentTemplateId(), null);
        assertThat(created.document().title()).isEqualTo("Sleep plan");
        assertThat(created.sharing()).isEqualTo(Sharing.PRIVATE);
    }

    @Test
    void the_preview_dialog_shows_the_worksheet_as_the_client_sees_it() {
        test(find(Button.class, card("PHQ-9 depression questionnaire"))
                .withAriaLabel("Preview: PHQ-9 depression questionnaire").single()).click();

        Dialog dialog = find(Dialog.class).withClassName("preview-dialog").single();
        assertThat(dialog.isOpened()).isTrue();
        WorksheetPreview preview = find(WorksheetPreview.class, dialog).single();
        assertThat(find(H2.class, preview).single().getText()).isEqualTo("PHQ-9 depression questionnaire");
        assertThat(preview.width.getValue()).as("the library previews at phone width first").isEqualTo("phone");
        Div frame = find(Div.class, preview).withClassName("preview-frame").single();
        assertThat(frame.getClassNames()).contains("preview-frame--phone").doesNotContain("preview-frame--desktop");
        test(preview.width).selectItem("Desktop");
        assertThat(frame.getClassNames()).contains("preview-frame--desktop").doesNotContain("preview-frame--phone");
        assertThat(find(ChoiceField.class, preview.form).all()).hasSize(10);
        assertThat(find(ChoiceField.class, preview.form).withAttribute("data-field", "item1").single().getLabel())
                .isEqualTo("Little interest or pleasure in doing things");

        test(find(Button.class, dialog).withText("Check answers").single()).click();
        assertThat(((ChoiceField<?>) find(ChoiceField.class, preview.form).withAttribute("data-field", "item1")
                .single()).isInvalid()).as("the preview checks like a real submission").isTrue();

        test(find(Button.class, dialog).withText("Close").single()).click();
        assertThat(dialog.isOpened()).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    private UUID published(TestAccount author, String title, Sharing sharing) {
        UUID id = worksheets.create(title);
        Draft draft = worksheets.openDraft(id);
        var document = draft.document();
        document = new WorksheetDocument(title, "", "It helps.", document.category(),
                List.of(), 5, 1, "en", List.of(new FieldTypes.ShortText("q", "A question", "", false, null)), null);
        worksheets.publish(id, draft.lock(), document, sharing);
        return id;
    }

    private List<Div> cards() {
        return find(Div.class, view.results).withClassName("library-card").all();
    }

    private List<String> titles() {
        return cards().stream().map(card -> find(RouterLink.class, card).single().getText()).toList();
    }

    private Div card(String title) {
        return cards().stream().filter(card -> find(RouterLink.class, card).single().getText().equals(title))
                .findFirst().orElseThrow(() -> new AssertionError("no card " + title + " in " + titles()));
    }

    private void assertEmptyState() {
        assertThat(cards()).isEmpty();
        assertThat(find(Paragraph.class, view.results).withClassName("empty-state").single().getText())
                .isEqualTo("No worksheet matches these filters. Clear a filter (the language one too), or start a new worksheet.");
        assertThat(view.count.getText()).isEqualTo("No worksheets");
    }

    private UUID currentTemplateId() {
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        assertThat(path).matches("app/worksheets/[0-9a-f-]{36}/edit");
        return UUID.fromString(path.split("/")[2]);
    }

    private List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
