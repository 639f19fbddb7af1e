package app.homeward.security;

import app.homeward.IntegrationTest;
import app.homeward.Mails;
import app.homeward.TestClinics;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** /login's "email me my clinic links": one mail with every clinic of the address, nothing otherwise. */
class ClinicLinksTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired ClinicLinks links;
    @Autowired ClinicDirectory clinics;
    @Autowired RateLimits limits;

    @BeforeEach
    void freshLimits() {
        limits.reset();
    }

    @Test
    void a_person_at_two_clinics_gets_one_mail_with_both_sign_in_pages() throws Exception {
        String email = TestClinics.randomEmail();
        ClinicBranding north = testClinics.clinic("North Clinic");
        ClinicBranding south = testClinics.clinic("South Clinic");
        ClinicBranding unrelated = testClinics.clinic("Unrelated Clinic");
        testClinics.account(north, Role.THERAPIST, email);
        testClinics.account(south, Role.CLIENT, email.toUpperCase(Locale.ROOT).replace("@EXAMPLE.TEST", "@example.test"));
        testClinics.account(unrelated, Role.THERAPIST);

        links.emailLinks(email, TestClinics.randomIp());

        List<MimeMessage> mails = Mails.awaitTo(greenMail, email, 1);
        assertThat(mails).hasSize(1);
        String text = Mails.text(mails.getFirst());
        assertThat(text).contains("North Clinic", "/c/" + north.slug(), "South Clinic", "/c/" + south.slug())
                .doesNotContain("Unrelated Clinic", unrelated.slug());
    }

    @Test
    void an_address_without_accounts_gets_no_mail_and_the_same_quiet_answer() throws Exception {
        String stranger = TestClinics.randomEmail();

        links.emailLinks(stranger, TestClinics.randomIp());

        Thread.sleep(1500);
        assertThat(Mails.to(greenMail, stranger)).isEmpty();
    }

    @Test
    void a_suspended_clinic_is_left_out_of_the_links() throws Exception {
        String email = TestClinics.randomEmail();
        ClinicBranding open = testClinics.clinic("Open Clinic");
        ClinicBranding suspended = testClinics.clinic("Suspended Clinic");
        testClinics.account(open, Role.THERAPIST, email);
        testClinics.account(suspended, Role.THERAPIST, email);
        clinics.suspend(suspended.id());

        links.emailLinks(email, TestClinics.randomIp());

        String text = Mails.text(Mails.awaitTo(greenMail, email, 1).getFirst());
        assertThat(text).contains("Open Clinic").doesNotContain("Suspended Clinic");
    }
}
