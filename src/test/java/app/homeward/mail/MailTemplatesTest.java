package app.homeward.mail;

import app.homeward.IntegrationTest;
import app.homeward.base.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.unbescape.html.HtmlEscape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every email the app sends, rendered in both languages: each one whose model carries a link shows it once as a
 * button in the clinic's colour (or Homeward's) and once written out for mail apps that hide buttons, is
 * signed, and resolves every message key. The mails share their button, link and signature markup
 * ({@code mail/parts.html}); this is what keeps every one of them whole when that markup changes.
 */
class MailTemplatesTest extends IntegrationTest {

    private static final String LINK = "https://homeward.example/c/sunrise/x?t=abc&amp=1";
    private static final String ESCAPED_LINK = "https://homeward.example/c/sunrise/x?t=abc&amp;amp=1";
    private static final String CLINIC_COLOUR = "#7a3e9d";
    private static final String HOMEWARD_COLOUR = "#2f6f73";

    @Autowired MailService mail;
    @Autowired Messages messages;

    /** Each template with the model its sender gives it, and the colour its button takes. */
    static Stream<Arguments> mails() {
        Map<String, Object> base = Map.of("clinicName", "Sunrise Therapy", "recipientName", "Dana", "link", LINK);
        List<Arguments> all = new ArrayList<>();
        for (Locale language : List.of(Messages.ENGLISH, Messages.SPANISH)) {
            all.add(Arguments.of("attention", language, with(base, "clinicColor", CLINIC_COLOUR), CLINIC_COLOUR));
            all.add(Arguments.of("escalation", language, with(base, "clinicColor", CLINIC_COLOUR), CLINIC_COLOUR));
            all.add(Arguments.of("digest", language,
                    with(with(with(base, "clinicColor", CLINIC_COLOUR), "entries", 3), "changeRequests", 1),
                    CLINIC_COLOUR));
            all.add(Arguments.of("reminder", language,
                    with(with(with(base, "clinicColor", CLINIC_COLOUR), "kind", "DUE_SOON"),
                            "unsubscribeLink", "https://homeward.example/unsubscribe/u1"),
                    CLINIC_COLOUR));
            all.add(Arguments.of("invitation", language, with(base, "forClient", true), HOMEWARD_COLOUR));
            all.add(Arguments.of("password-reset", language, base, HOMEWARD_COLOUR));
            all.add(Arguments.of("verify-clinic", language, base, HOMEWARD_COLOUR));
            all.add(Arguments.of("email-change", language, base, HOMEWARD_COLOUR));
            all.add(Arguments.of("email-changed", language, Map.of("clinicName", "Sunrise Therapy",
                    "recipientName", "Dana"), null));
            all.add(Arguments.of("clinic-links", language, Map.of("clinicName", "Homeward", "clinics",
                    List.of(Map.of("name", "Sunrise Therapy", "url", LINK))), null));
        }
        return all.stream();
    }

    private static Map<String, Object> with(Map<String, Object> model, String key, Object value) {
        Map<String, Object> more = new HashMap<>(model);
        more.put(key, value);
        return more;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("mails")
    void every_mail_renders_whole_with_its_button_and_written_out_link(String template, Locale language,
                                                                      Map<String, Object> model, String colour)
            throws IOException {
        MailMessage message = mail.prepare(UUID.randomUUID(), "dana@sunrise.example", language, template, model);
        dump(template, language, message);

        assertThat(message.subject() + message.text() + message.html()).as("every message key resolves")
                .doesNotContain("!mail.").doesNotContain("??");
        assertThat(message.html()).contains("lang=\"" + language.getLanguage() + "\"");
        String signature = messages.getTranslation("mail.signature", language);
        assertThat(message.html().contains("— " + signature) || message.html().contains("— Sunrise Therapy"))
                .as("signed by Homeward or the clinic").isTrue();
        if (colour == null) {
            assertThat(message.html()).doesNotContain("border-radius:6px");
            return;
        }
        Matcher buttons = Pattern.compile("<a href=\"([^\"]*)\" style=\"display:inline-block;padding:10px 18px;"
                + "background:([^;]*);color:#fff;border-radius:6px;text-decoration:none\">([^<]+)</a>")
                .matcher(message.html());
        assertThat(buttons.find()).as("a button").isTrue();
        assertThat(buttons.group(1)).isEqualTo(ESCAPED_LINK);
        assertThat(buttons.group(2)).isEqualTo(colour);
        assertThat(buttons.group(3)).isEqualTo(
                messages.getTranslation("mail." + template + ".action", language));
        assertThat(buttons.find()).as("one button").isFalse();
        String fallback = messages.getTranslation("mail.link-fallback", language);
        assertThat(message.html()).contains("<span>" + escape(fallback) + "</span><br><span>" + ESCAPED_LINK + "</span>");
        assertThat(message.text()).contains(LINK);
    }

    private static String escape(String text) {
        return HtmlEscape.escapeHtml4Xml(text); // as Thymeleaf escapes printed text: ' as &#39;
    }

    /**
     * With {@code -Dhomeward.mail.dump=DIR}, writes every rendered mail to DIR: run it before and after a change to
     * the templates and compare the two folders with {@code diff -r} (how mail/parts.html was shown to change
     * nothing a recipient sees).
     */
    private static void dump(String template, Locale language, MailMessage message) throws IOException {
        String to = System.getProperty("homeward.mail.dump");
        if (to == null) {
            return;
        }
        Path dir = Paths.get(to);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(template + "-" + language.getLanguage() + ".html"), message.html());
        Files.writeString(dir.resolve(template + "-" + language.getLanguage() + ".txt"),
                message.subject() + "\n" + message.text());
    }
}
