package app.homeward.privacy.ui;

import app.homeward.ViewTest;
import app.homeward.clinic.ui.ClinicSettingsView;
import app.homeward.client.ui.ClientView;
import app.homeward.portal.ui.MissingObjectView;
import app.homeward.portal.ui.NotFoundView;
import app.homeward.privacy.DataRightsFixture;
import app.homeward.privacy.DataRightsFixture.Clinic;
import app.homeward.privacy.ErasureState;
import app.homeward.privacy.PrivacyService;
import app.homeward.security.ui.ClientAccountView;
import app.homeward.tenancy.ClinicDirectory;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The data-rights pages: the client's /my/data, the admin's client record and /app/data, settings, the operator's delete. */
class DataRightsViewsTest extends ViewTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired DataRightsFixture fixture;
    @Autowired PrivacyService privacy;
    @Autowired ClinicDirectory clinics;

    @Test
    void the_client_finds_their_data_from_the_account_page_downloads_it_and_asks_for_erasure_then_withdraws() throws Exception {
        Clinic clinic = fixture.people(greenMail, "en");
        clinic.signInClient();
        navigate(ClientAccountView.class);
        assertThat(find(Anchor.class).id("my-data-link").getHref()).isEqualTo("my/data");

        ClientDataView view = navigate("my/data", ClientDataView.class);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        test(find(Anchor.class).id("download-my-pdf")).download(pdf);
        assertThat(new String(pdf.toByteArray(), 0, 5)).isEqualTo("%PDF-");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        test(find(Anchor.class).id("download-my-zip")).download(zip);
        assertThat(zip.toByteArray()).startsWith('P', 'K');

        test(view.ask).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(test(confirm).getHeader()).isEqualTo("Delete your account?");
        test(confirm).confirm();

        assertThat(find(Paragraph.class).id("erasure-status").getText()).startsWith("You asked on ")
                .contains("When your clinic confirms, your data will be deleted on or after");
        test(view.withdraw).click();
        assertThat(find(Button.class).id("ask-erasure").isVisible()).isTrue();
        assertThat(privacy.mine().erasure()).hasValueSatisfying(e -> assertThat(e.state()).isEqualTo(ErasureState.WITHDRAWN));
    }

    @Test
    void the_admin_opens_the_clients_data_page_from_the_client_page_and_confirms_the_erasure() {
        Clinic clinic = fixture.people(greenMail, "en");
        clinic.admin().signIn();
        setRetention(7);
        clinic.signInClient();
        privacy.requestErasure();
        clinic.admin().signIn();

        navigate("app/clients/" + clinic.clientId(), ClientView.class);
        assertThat(find(Anchor.class).id("client-data-link").getHref()).isEqualTo("app/clients/" + clinic.clientId() + "/data");
        ClientRecordView view = navigate("app/clients/" + clinic.clientId() + "/data", ClientRecordView.class);
        assertThat(find(Paragraph.class).id("client-erasure-status").getText())
                .startsWith(clinic.world().name() + " asked on ").contains("retention period of 7 days");
        test(view.confirm).click();
        test(find(ConfirmDialog.class).single()).confirm();

        assertThat(find(Paragraph.class).id("client-erasure-status").getText()).startsWith("Confirmed on ");
        assertThat(find(Notification.class).last().getElement().getProperty("text", "")).startsWith("Confirmed: ");
    }

    @Test
    void a_therapist_and_a_client_cannot_open_the_admins_data_pages_and_another_clinics_client_is_not_found() {
        Clinic clinic = fixture.people(greenMail, "en");
        Clinic elsewhere = fixture.people(greenMail, "en");
        clinic.world().therapist().signIn();
        navigate("app/data", NotFoundView.class);
        navigate("app/clients/" + clinic.clientId() + "/data", NotFoundView.class);
        clinic.signInClient();
        navigate("app/data", NotFoundView.class);
        elsewhere.admin().signIn();
        navigate("app/clients/" + clinic.clientId() + "/data", MissingObjectView.class);
        navigate("app/clients/not-a-uuid/data", MissingObjectView.class);
        navigate("my/data", NotFoundView.class);
    }

    @Test
    void the_clinic_export_shows_its_progress_by_polling_and_ends_with_a_download_link() {
        Clinic clinic = fixture.people(greenMail, "en");
        clinic.admin().signIn();
        DataRightsView view = navigate("app/data", DataRightsView.class);
        assertThat(find(Paragraph.class).withClassName("empty-state").single().getText())
                .isEqualTo("No client has asked for erasure.");

        test(view.start).click();

        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(DataRightsView.POLL_MILLIS);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (view.download == null && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), false));
        }
        assertThat(view.progress.getValue()).isEqualTo(1.0);
        assertThat(view.progressText.getText()).isEqualTo("Preparing the export: 100 %");
        assertThat(view.download.getHref()).startsWith("exports/clinic/");
        assertThat(UI.getCurrent().getPollInterval()).as("polling stops when the export is ready").isEqualTo(-1);

        navigate(ClinicSettingsView.class);
        DataRightsView again = navigate("app/data", DataRightsView.class);
        assertThat(again.download).as("the link's secret is not kept: a reloaded page asks for a new one").isNull();
        test(find(Button.class).id("export-new-link")).click();
        assertThat(again.download.getHref()).startsWith("exports/clinic/").isNotEqualTo(view.download.getHref());
    }

    @Test
    void the_retention_period_is_a_section_of_clinic_settings_with_a_clear_message_for_bad_input() {
        Clinic clinic = fixture.people(greenMail, "en");
        clinic.admin().signIn();

        setRetention(4000);
        assertThat(retentionField().isInvalid()).isTrue();
        assertThat(retentionField().getErrorMessage()).isEqualTo("Please enter a number of days from 0 to 3,650.");
        setRetention(30);
        assertThat(retentionField().isInvalid()).isFalse();
        assertThat(privacy.retentionDays()).isEqualTo(30);
    }

    /** Sets the retention period through the clinic settings page, as the admin would. */
    private void setRetention(int days) {
        navigate(ClinicSettingsView.class);
        // set on the component, as a typed value arrives, even past the field's own minimum and maximum
        retentionField().setValue(days);
        test(find(Button.class).id("save-retention")).click();
    }

    private IntegerField retentionField() {
        return find(IntegerField.class).id("keep-days");
    }
}
