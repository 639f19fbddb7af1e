package app.homeward.mail;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.base.Messages;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail goes out in the recipient's language, as text and HTML, with names escaped in the HTML. */
class MailServiceTest extends IntegrationTest {

    private static final String HOSTILE_CLINIC = "<script>alert(1)</script> Clinic";
    private static final String LINK = "http://localhost:8080/c/t-example/invite/abcDEF123_-";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired MailService mail;
    @Autowired Messages messages;

    @Test
    void invitation_in_spanish_has_a_spanish_subject_and_text() {
        String to = TestClinics.randomEmail();

        mail.send(UUID.randomUUID(), to, Messages.SPANISH, "invitation",
                Map.of("clinicName", "Clínica Aurora", "recipientName", "Lucía", "link", LINK));

        MimeMessage received = received(to);
        String spanishSubject = messages.getTranslation("mail.invitation.subject", Messages.SPANISH, "Clínica Aurora");
        String englishSubject = messages.getTranslation("mail.invitation.subject", Messages.ENGLISH, "Clínica Aurora");
        assertThat(spanishSubject).doesNotStartWith("!").isNotEqualTo(englishSubject);
        assertThat(Mails.subject(received)).isEqualTo(spanishSubject);
        String text = Mails.text(received);
        assertThat(text)
                .contains(messages.getTranslation("mail.invitation.body", Messages.SPANISH, "Clínica Aurora"))
                .contains(messages.getTranslation("mail.invitation.expiry", Messages.SPANISH))
                .contains(messages.getTranslation("mail.greeting", Messages.SPANISH, "Lucía"))
                .contains(LINK)
                .doesNotContain("!mail.");
        assertThat(Mails.html(received)).contains("lang=\"es\"").contains("href=\"" + LINK + "\"")
                .doesNotContain("!mail.");
    }

    @Test
    void mail_has_a_text_and_an_html_alternative() throws Exception {
        String to = TestClinics.randomEmail();

        mail.send(UUID.randomUUID(), to, Messages.SPANISH, "invitation",
                Map.of("clinicName", "Clínica Aurora", "recipientName", "Lucía", "link", LINK));

        MimeMessage received = received(to);
        assertThat(received.getContentType()).as("no attachments: the alternative is the message")
                .startsWith("multipart/alternative");
        Part alternative = Mails.part(received, "multipart/alternative")
                .orElseThrow(() -> new AssertionError("no multipart/alternative part"));
        Multipart parts = (Multipart) alternative.getContent();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            types.add(parts.getBodyPart(i).getContentType().toLowerCase(Locale.ROOT));
            assertThat(parts.getBodyPart(i).getHeader("Content-Transfer-Encoding")).containsExactly("quoted-printable");
        }
        assertThat(types).hasSize(2);
        assertThat(types.get(0)).startsWith("text/plain").contains("utf-8");
        assertThat(types.get(1)).startsWith("text/html").contains("utf-8");
    }

    @Test
    void markup_in_the_clinic_name_is_escaped_in_the_html_part() {
        String to = TestClinics.randomEmail();

        mail.send(UUID.randomUUID(), to, Messages.SPANISH, "invitation",
                Map.of("clinicName", HOSTILE_CLINIC, "recipientName", "<b>Lucía</b>", "link", LINK));

        MimeMessage received = received(to);
        String html = Mails.html(received);
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>Lucía</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Clinic")
                .contains("&lt;b&gt;Lucía&lt;/b&gt;");
        assertThat(Mails.text(received)).as("plain text shows the name as typed").contains(HOSTILE_CLINIC);
    }

    @Test
    void english_is_the_fallback_language() {
        String to = TestClinics.randomEmail();

        mail.send(UUID.randomUUID(), to, Locale.GERMAN, "invitation",
                Map.of("clinicName", "Praxis Nord", "recipientName", "Jonas", "link", LINK));

        assertThat(Mails.subject(received(to)))
                .isEqualTo(messages.getTranslation("mail.invitation.subject", Messages.ENGLISH, "Praxis Nord"));
    }

    private static MimeMessage received(String to) {
        List<MimeMessage> mails = Mails.awaitTo(greenMail, to, 1);
        assertThat(mails).as("mail to " + to).hasSize(1);
        return mails.getFirst();
    }
}
