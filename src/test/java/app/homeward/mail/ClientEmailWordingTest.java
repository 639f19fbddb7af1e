package app.homeward.mail;

import app.homeward.IntegrationTest;
import app.homeward.base.Messages;
import app.homeward.reminder.ReminderKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No email that can reach a client says that they are in therapy: a subject line on a lock screen, a shared
 * inbox or a partner reading over a shoulder must not reveal it (PRODUCT.md, issue 13). Every template a
 * client can receive is rendered in English and Spanish, for every kind of reminder, and its subject, text
 * and HTML are searched for words that name therapy, its professions or what it treats. The clinic's own
 * name is the clinic's choice (and the discreet sender replaces it), so the clinic here has a neutral one.
 */
class ClientEmailWordingTest extends IntegrationTest {

    /** Stems, matched at the start of a word, without case or accents. */
    static final List<String> REVEALING = List.of(
            "therap", "counsel", "psycholog", "psychiatr", "mental", "phq", "gad", "mood", "anxi", "depress",
            "crisis", "suicid", "self-harm", "trauma", "ptsd",
            "terap", "psicolog", "psiquiatr", "consejer", "animo", "ansiedad", "depresi", "crisis", "suicid",
            "autolesi", "salud mental", "trauma");

    static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|",
            REVEALING.stream().map(Pattern::quote).toList()) + ")");

    @Autowired MailService mail;

    @Test
    void no_email_a_client_can_receive_names_therapy_in_either_language() {
        UUID clinic = UUID.randomUUID();
        List<String> findings = new ArrayList<>();
        for (Locale language : List.of(Messages.ENGLISH, Messages.SPANISH)) {
            for (ReminderKind kind : ReminderKind.values()) {
                Map<String, Object> model = model();
                model.put("kind", kind.name());
                model.put("unsubscribeLink", "http://localhost:8080/unsubscribe/" + clinic + "/token");
                check(findings, language, "reminder " + kind, mail.prepare(clinic, "client@example.org", language,
                        "reminder", model));
            }
            for (String template : List.of("invitation", "password-reset", "email-change", "email-changed")) {
                check(findings, language, template, mail.prepare(clinic, "client@example.org", language, template,
                        model()));
            }
            // sent before anyone knows the clinic, as ClinicLinks does
            Map<String, Object> links = Map.of("clinicName", "Homeward",
                    "clinics", List.of(Map.of("name", "Birch Lane", "url", "http://localhost:8080/c/birch-lane")));
            check(findings, language, "clinic-links", mail.prepare(null, "client@example.org", language,
                    "clinic-links", links));
        }
        assertThat(findings).as("revealing words in client emails").isEmpty();
    }

    @Test
    void the_check_finds_a_revealing_word_in_either_language() {
        assertThat(revealing("Your therapist sent you a reminder")).containsExactly("therap");
        assertThat(revealing("Tu terapeuta te envía un recordatorio")).containsExactly("terap");
        assertThat(revealing("Check in on your ánimo and ANXIETY")).containsExactly("animo", "anxi");
        assertThat(revealing("Fundamental homework waiting at Birch Lane")).isEmpty();
    }

    private void check(List<String> findings, Locale language, String what, MailMessage message) {
        String all = message.subject() + "\n" + message.text() + "\n" + message.html().replaceAll("<[^>]*>", " ");
        for (String word : revealing(all)) {
            findings.add(language + " " + what + ": \"" + word + "\"");
        }
    }

    static List<String> revealing(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        Matcher matcher = WORD.matcher(folded);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("clinicName", "Birch Lane");
        model.put("clinicColor", "#2f6f73");
        model.put("recipientName", "Jordan");
        model.put("link", "http://localhost:8080/c/birch-lane/my");
        model.put("forClient", true);
        return model;
    }
}
