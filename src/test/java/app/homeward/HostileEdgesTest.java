package app.homeward;

import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.base.Text;
import app.homeward.clinic.ui.ClinicSettingsView;
import app.homeward.portal.ui.ErrorView;
import app.homeward.portal.ui.MissingObjectView;
import app.homeward.portal.ui.NotFoundView;
import app.homeward.security.InvitationService;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import app.homeward.staff.ui.StaffView;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.LibraryEntry;
import app.homeward.worksheet.LibraryQuery;
import app.homeward.worksheet.LibraryQuery.Source;
import app.homeward.worksheet.WorksheetDetail;
import app.homeward.worksheet.WorksheetService;
import app.homeward.worksheet.ui.WorksheetView;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Hostile input where {@link HostileInputTest} does not reach: imported worksheet files, route parameters (ids,
 * slugs, tokens) and CR/LF in everything that ends up in a mail header. Each case: no exception out of a view or a
 * service other than a refusal with a message a person can read, no error page, no markup rendered as markup, and
 * nothing half saved.
 */
class HostileEdgesTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n/messages", Locale.ENGLISH);

    @Autowired WorksheetService worksheets;
    @Autowired InvitationService invitations;

    static Stream<Named<String>> hostileText() {
        return Stream.of(
                Named.of("script tag", "<script>alert(1)</script>"),
                Named.of("img onerror", "<img src=x onerror=alert(1)>"),
                Named.of("javascript: URL", "javascript:alert(document.cookie)"),
                Named.of("markdown link with javascript:", "[click](javascript:alert(1))"),
                Named.of("SQL metacharacters", "'; DROP TABLE worksheet_template; -- \" ` \\"),
                Named.of("path traversal", "../../../../etc/passwd"),
                Named.of("1 MB", "x".repeat(1_000_000)),
                Named.of("NUL", "before\u0000after"),
                Named.of("BEL and ESC", "a\u0007b\u001B[31mc"),
                Named.of("unpaired high surrogate", "a\uD800b"),
                Named.of("unpaired low surrogate", "a\uDC00b"),
                Named.of("zero-width characters", "a\u200Bb\u200Cc\u200Dd\uFEFFe"),
                Named.of("right-to-left override", "abc\u202Edcba.exe"),
                Named.of("left-to-right isolate", "abc\u2066def\u2069"),
                Named.of("right-to-left mark", "abc\u200Fdef"),
                Named.of("CR/LF header injection", "Title\r\nBcc: victim@example.test"));
    }

    static Stream<Arguments> importedPlaces() {
        return Stream.of("title", "description", "label", "help", "tag")
                .flatMap(place -> hostileText().map(hostile -> Arguments.of(place, hostile)));
    }

    // --- worksheet import -------------------------------------------------------------------------

    @ParameterizedTest(name = "imported worksheet {0} ← {1}")
    @MethodSource("importedPlaces")
    void an_imported_worksheet_with_hostile_text_is_refused_with_a_message_or_stored_exactly(String place, String hostile) {
        TestAccount therapist = testClinics.account(testClinics.clinic(), Role.THERAPIST);
        therapist.signIn();
        String json = worksheetJson(place, hostile);
        int before = mine().size();

        Throwable refused = catchThrowable(() -> worksheets.importDocument(json));

        if (refused != null) {
            assertThat(refused).as("a refusal, not a crash").isInstanceOf(DomainException.class);
            assertThat(ENGLISH.getString(((DomainException) refused).messageKey())).as("a message a person can read")
                    .isNotBlank();
            assertThat(mine()).as("nothing half saved").hasSize(before);
            boolean unsafe = Text.containsUnsafe(hostile);
            if (unsafe && hostile.length() < 1000) {
                assertThat(((DomainException) refused).messageKey()).as("said why")
                        .isEqualTo("worksheet.problem.unsafe-characters");
            }
            return;
        }
        assertThat(hostile).as("control characters, direction overrides and broken text never get in")
                .doesNotContain("\u0000", "\u0007", "\u202E", "\u2066", "\u200F");
        assertThat(hostile.chars().noneMatch(c -> Character.isSurrogate((char) c))).as("no broken UTF-16").isTrue();
        assertThat(mine()).hasSize(before + 1);
        String id = mine().stream().map(e -> e.id()).filter(i -> !i.isEmpty()).findFirst().orElseThrow();
        WorksheetDetail detail = worksheets.template(UUID.fromString(id), null);
        String stored = switch (place) {
            case "title" -> detail.document().title();
            case "description" -> detail.document().description();
            case "label" -> detail.document().fields().getFirst().label();
            case "help" -> detail.document().fields().getFirst().help();
            default -> detail.document().tags().getFirst();
        };
        assertThat(stored).as("stored exactly as written").isEqualTo(hostile);
        assertThatCode(() -> navigate("app/worksheets/" + id, WorksheetView.class)).doesNotThrowAnyException();
        assertThat(find(Html.class).all()).as("shown as text, never as markup")
                .noneMatch(html -> html.getElement().getOuterHTML().contains(hostile));
    }

    private List<LibraryEntry> mine() {
        return worksheets.library(new LibraryQuery(null, null, null, null, Source.MINE, false));
    }

    /** A small valid worksheet file (as another Homeward exports it) with the hostile text in one place. */
    private static String worksheetJson(String place, String hostile) {
        String h = json(hostile);
        return """
                {"title": %s, "description": %s, "rationale": "Noticing helps.", "category": "OTHER",
                 "tags": [%s], "minutes": 10, "difficulty": 1, "language": "en",
                 "fields": [{"type": "short-text", "key": "what", "label": %s, "help": %s, "required": false}]}"""
                .formatted(place.equals("title") ? h : json("Imported " + TestClinics.random(6)),
                        place.equals("description") ? h : json("A description"),
                        place.equals("tag") ? h : json("calm"),
                        place.equals("label") ? h : json("What happened?"),
                        place.equals("help") ? h : json("A few words"));
    }

    /** A JSON string literal: quotes, backslashes, controls and surrogates escaped as JSON allows. */
    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || (c >= 0x2000 && c <= 0x206F) || c == 0xFEFF) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    // --- route parameters -------------------------------------------------------------------------

    static Stream<Named<String>> malformedIds() {
        return Stream.of(
                Named.of("not a UUID", "not-a-uuid"),
                Named.of("UUID too short", "123e4567-e89b-12d3-a456-42661417400"),
                Named.of("UUID too long", "123e4567-e89b-12d3-a456-4266141740000"),
                Named.of("UUID without dashes", "123e4567e89b12d3a456426614174000"),
                Named.of("the no-clinic UUID", "00000000-0000-0000-0000-000000000000"),
                Named.of("the root-tenant UUID", "ffffffff-ffff-ffff-ffff-ffffffffffff"),
                Named.of("random UUID", UUID.randomUUID().toString()),
                Named.of("upper-case random UUID", UUID.randomUUID().toString().toUpperCase(Locale.ROOT)),
                Named.of("encoded script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
                Named.of("encoded SQL", "1%27%20OR%20%271%27%3D%271"),
                Named.of("encoded NUL", "abc%00def"),
                Named.of("encoded CR/LF", "abc%0D%0ASet-Cookie:%20x=y"),
                Named.of("encoded right-to-left override", "abc%E2%80%AEdef"),
                Named.of("encoded path traversal", "..%2F..%2Fetc%2Fpasswd"),
                Named.of("invalid percent encoding", "%E2%80"),
                Named.of("2,000 characters", "a".repeat(2000)));
    }

    static Stream<Arguments> idRoutes() {
        return Stream.of("app/clients/%s", "app/clients/%s/before-session", "app/clients/%s/reminders",
                        "app/clients/%s/data", "app/entries/%s", "app/worksheets/%s", "app/worksheets/%s/edit",
                        "my/homework/%s")
                .flatMap(route -> malformedIds().map(id -> Arguments.of(route, id)));
    }

    @ParameterizedTest(name = "{0} ← {1}")
    @MethodSource("idRoutes")
    void a_malformed_id_in_a_route_is_not_found(String route, String id) {
        ClinicBranding clinic = testClinics.clinic();
        if (route.startsWith("my/")) {
            TestUsers.signInAs(testClinics.account(clinic, Role.CLIENT).principal());
        } else {
            testClinics.account(clinic, Role.CLINIC_ADMIN).signIn();
        }
        assertThatCode(() -> UI.getCurrent().navigate(route.formatted(id))).as("nothing escapes the router")
                .doesNotThrowAnyException();
        assertThat(getCurrentView().getClass()).as("the calm not-found page, not an error")
                .isIn(MissingObjectView.class, NotFoundView.class);
    }

    static Stream<Named<String>> malformedSlugs() {
        return Stream.of(
                Named.of("unknown slug", "no-such-clinic-zz"),
                Named.of("upper case", "T-ABCDEFGH"),
                Named.of("encoded script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
                Named.of("encoded SQL", "x%27%20OR%20%271%27%3D%271"),
                Named.of("encoded path traversal", "..%2F..%2Fplatform"),
                Named.of("encoded NUL", "a%00b"),
                Named.of("encoded CR/LF", "a%0D%0ALocation:%20https://evil.test"),
                Named.of("encoded right-to-left override", "a%E2%80%AEb"),
                Named.of("1,000 characters", "a".repeat(1000)),
                Named.of("javascript:", "javascript:alert(1)"));
    }

    static Stream<Arguments> slugRoutes() {
        return Stream.of("c/%s", "c/%s/forgot", "c/%s/second-factor", "c/%s/invite/abc", "c/%s/reset/abc",
                        "c/%s/verify/abc", "c/%s/confirm-email/abc", "unsubscribe/%s/abc")
                .flatMap(route -> malformedSlugs().map(slug -> Arguments.of(route, slug)));
    }

    @ParameterizedTest(name = "{0} ← {1}")
    @MethodSource("slugRoutes")
    void a_malformed_slug_or_clinic_in_a_public_route_gets_a_calm_page(String route, String slug) {
        String url = route.formatted(slug);
        assertThatCode(() -> UI.getCurrent().navigate(url)).as("nothing escapes the router").doesNotThrowAnyException();
        assertThat(getCurrentView().getClass()).as("no error page").isNotEqualTo(ErrorView.class);
        String text = UI.getCurrent().getElement().getTextRecursively();
        assertThat(text).as("the URL's text is not echoed as markup").doesNotContain("<script>", "onerror");
        assertThat(find(Html.class).all()).noneMatch(html -> html.getElement().getOuterHTML().contains("<script"));
    }

    // --- CR/LF in mail headers ------------------------------------------------------------------

    static Stream<Named<String>> headerInjections() {
        return Stream.of(
                Named.of("CR LF Bcc", "Cleo\r\nBcc: victim@example.test"),
                Named.of("LF Cc", "Cleo\nCc: victim@example.test"),
                Named.of("CR Subject", "Cleo\rSubject: you won"),
                Named.of("CR LF CR LF body", "Cleo\r\n\r\n<html>phish</html>"),
                Named.of("NEL", "Cleo\u0085Bcc: victim@example.test"),
                Named.of("line separator", "Cleo\u2028Bcc: victim@example.test"),
                Named.of("encoded word", "=?utf-8?q?Cleo=0D=0ABcc=3A_victim@example.test?="));
    }

    static Stream<Arguments> invitationHeaderFields() {
        return Stream.of("name", "email").flatMap(f -> headerInjections().map(h -> Arguments.of(f, h)));
    }

    @ParameterizedTest(name = "staff invitation {0} ← {1}")
    @MethodSource("invitationHeaderFields")
    void line_breaks_in_an_invitation_never_add_a_mail_header_or_recipient(String field, String hostile) throws Exception {
        ClinicBranding clinic = testClinics.clinic();
        testClinics.account(clinic, Role.CLINIC_ADMIN).signIn();
        String email = TestClinics.randomEmail();
        navigate(StaffView.class);
        assertThatCode(() -> {
            test(find(TextField.class).id("invite-name")).setValue(field.equals("name") ? hostile : "Cleo Colleague");
            test(find(EmailField.class).id("invite-email")).setValue(field.equals("email") ? hostile + email : email);
            test(find(Button.class).id("send-invitation")).click();
        }).as("nothing escapes the view").doesNotThrowAnyException();

        if (invitations.openStaffInvitations().isEmpty()) {
            assertThat(field).as("only an email with a line break is refused; a name is cleaned").isEqualTo("email");
            assertThat(find(EmailField.class).id("invite-email").isInvalid()).as("refused on the field").isTrue();
            assertThat(Mails.to(greenMail, "victim@example.test")).isEmpty();
            return;
        }
        MimeMessage mail = Mails.awaitTo(greenMail, email, 1).getFirst();
        assertOnlyOneRecipientAndNoInjectedHeader(mail, email);
    }

    @ParameterizedTest(name = "clinic name ← {0}")
    @MethodSource("headerInjections")
    void line_breaks_in_the_clinic_name_never_reach_a_mail_header(String hostile) throws Exception {
        ClinicBranding clinic = testClinics.clinic();
        testClinics.account(clinic, Role.CLINIC_ADMIN).signIn();
        navigate(ClinicSettingsView.class);
        assertThatCode(() -> {
            test(find(TextField.class).id("clinic-name")).setValue(hostile);
            test(find(Button.class).id("save-settings")).click();
        }).doesNotThrowAnyException();
        boolean saved = find(Notification.class).withCondition(n -> test(n).getText().equals("Settings saved.")).exists();
        assertThat(saved || find(TextField.class).id("clinic-name").isInvalid()).as("saved or refused on the field").isTrue();

        String email = TestClinics.randomEmail();
        invitations.inviteStaff(email, "Cleo Colleague", Role.THERAPIST);
        MimeMessage mail = Mails.awaitTo(greenMail, email, 1).getFirst();
        assertOnlyOneRecipientAndNoInjectedHeader(mail, email);
    }

    private static List<String> htmlParts(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return List.of((String) part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            List<String> html = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                html.addAll(htmlParts(multipart.getBodyPart(i)));
            }
            return html;
        }
        return List.of();
    }

    private static void assertOnlyOneRecipientAndNoInjectedHeader(MimeMessage mail, String email) throws Exception {
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(email);
        assertThat(mail.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(mail.getRecipients(Message.RecipientType.BCC)).isNull();
        for (Header header : Collections.list(mail.getAllHeaders())) {
            // a header ends at a line break on the wire; an encoded word (=?utf-8?q?..=0D=0A..?=) typed as text
            // cannot end one, so the raw, unfolded value is what must hold none
            String value = MimeUtility.unfold(header.getValue());
            assertThat(value).as(header.getName() + " has no line break").doesNotContain("\r", "\n");
            assertThat(header.getName()).isNotEqualToIgnoringCase("Bcc").isNotEqualToIgnoringCase("Cc");
        }
        assertThat(htmlParts(mail)).as("typed markup is escaped in the HTML part").noneMatch(html -> html.contains("<html>phish"));
        assertThat(Mails.to(greenMail, "victim@example.test")).as("nobody else got mail").isEmpty();
    }
}
