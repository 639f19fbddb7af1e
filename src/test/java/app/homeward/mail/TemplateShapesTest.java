package app.homeward.mail;

import app.homeward.IntegrationTest;
import app.homeward.base.Messages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An email filled into a shape rendered once is exactly the email rendered on its own — subject,
 * text and HTML, character for character — whatever the name: markup, quotes, ampersands, RTL,
 * emoji, text that looks like a marker, and one name after another into the same shape.
 */
class TemplateShapesTest extends IntegrationTest {

    static final List<String> NAMES = List.of("Ana Holt", "<b>Bo</b> & \"Cy\" 'D'", "مريم الحسن", "Zoë 🌱 Núñez",
            "hwfill0x0x {0} ${recipientName} #{mail.greeting}", "x".repeat(2_000), "");

    @Autowired MailService mail;

    @Test
    void every_outbox_email_filled_into_its_shape_equals_the_email_rendered_alone() {
        UUID clinic = UUID.randomUUID();
        for (Locale language : List.of(Messages.ENGLISH, Messages.SPANISH)) {
            for (String kind : List.of("PLANNED", "OVERDUE", "WEEKLY", "REMIND_NOW")) {
                for (String name : NAMES) {
                    Map<String, Object> model = clinicModel();
                    model.put("kind", kind);
                    model.put("recipientName", name);
                    model.put("unsubscribeLink", "http://localhost:8080/unsubscribe/" + clinic + "/tok?x=1&y=<2>");
                    assertSame(clinic, language, "reminder", model, Set.of("recipientName", "unsubscribeLink"));
                }
            }
            for (String name : NAMES) {
                Map<String, Object> digest = clinicModel();
                digest.put("recipientName", name);
                digest.put("entries", 3);
                digest.put("changeRequests", 1);
                assertSame(clinic, language, "digest", digest, Set.of("recipientName"));
                Map<String, Object> attention = clinicModel();
                attention.put("recipientName", name);
                assertSame(clinic, language, "attention", attention, Set.of("recipientName"));
            }
        }
    }

    @Test
    void a_value_outside_the_fill_ins_makes_a_new_shape() {
        UUID clinic = UUID.randomUUID();
        Map<String, Object> one = clinicModel();
        one.put("recipientName", "Ana");
        one.put("entries", 1);
        one.put("changeRequests", 0);
        Map<String, Object> three = new HashMap<>(one);
        three.put("entries", 3);

        String first = mail.prepare(clinic, "a@example.org", Messages.ENGLISH, "digest", one, Set.of("recipientName")).text();
        String second = mail.prepare(clinic, "a@example.org", Messages.ENGLISH, "digest", three, Set.of("recipientName")).text();

        assertThat(first).contains("one new entry");
        assertThat(second).contains("3 new entries");
    }

    private void assertSame(UUID clinic, Locale language, String template, Map<String, Object> model, Set<String> fillIns) {
        MailMessage alone = mail.prepare(clinic, "someone@example.org", language, template, model);
        MailMessage filled = mail.prepare(clinic, "someone@example.org", language, template, model, fillIns);
        assertThat(filled.subject()).isEqualTo(alone.subject());
        assertThat(filled.text()).isEqualTo(alone.text());
        assertThat(filled.html()).isEqualTo(alone.html());
        assertThat(filled.to()).isEqualTo(alone.to());
        assertThat(filled.clinicId()).isEqualTo(clinic);
    }

    private static Map<String, Object> clinicModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("clinicName", "Sunrise & <Co> \"Therapy\"");
        model.put("clinicColor", "#2f6f73");
        model.put("link", "http://localhost:8080/c/sunrise?a=1&b=2");
        return model;
    }
}
