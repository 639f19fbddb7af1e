package app.homeward.privacy;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.privacy.DataRightsFixture.Clinic;
import app.homeward.security.Role;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clinic admin exports the whole clinic: a background job whose progress reaches 100 %, a ZIP with a
 * CSV per tenant table, and a link that works for that admin only and stops working after 24 hours, when
 * the file is removed.
 */
class ClinicExportTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired DataRightsFixture fixture;
    @Autowired ExportFixture exportFixture;
    @Autowired ClinicExports exports;
    @Autowired ExportDownload controller;
    @Autowired PrivacyJobs jobs;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_export_reaches_100_percent_and_holds_a_csv_per_tenant_table_without_secrets() {
        Clinic clinic = fixture.people(greenMail, "en");
        fixture.history(clinic);
        clinic.world().therapist().signIn();
        fixture.clientService.addGoal(clinic.clientId(), "=HYPERLINK(\"http://evil.example\")");

        ClinicExports.Started export = exportFixture.finished(clinic);

        assertThat(export.status().progress()).isEqualTo(100);
        assertThat(export.status().expiresAt()).isEqualTo(export.status().finishedAt().plus(Duration.ofHours(24)));
        Map<String, byte[]> files = Files.unzip(exports.download(export.token()).bytes());
        Set<String> csv = new TreeSet<>();
        files.keySet().stream().filter(n -> n.endsWith(".csv")).forEach(n -> csv.add(n.substring(0, n.length() - 4)));
        Set<String> tenantTables = Schema.tablesWithColumn(jdbc, "clinic_id");
        tenantTables.remove(ClinicDeletionTest.AUDIT);
        assertThat(csv).as("one CSV per tenant table (the audit trail is the audit feature's)").isEqualTo(tenantTables);
        assertThat(files).containsKeys("clinic.json", "manifest.json");
        String all = files.values().stream().map(Files::text).reduce("", String::concat);
        assertThat(all).as("no secrets").doesNotContain("password_hash", "token_hash", "unsubscribe_token", "argon2");
        assertThat(Files.text(files.get("client.csv"))).contains(clinic.world().email());
        assertThat(Files.text(files.get("entry.csv"))).contains("Harder than I thought Qz");
        assertThat(Files.text(files.get("client_goal.csv"))).as("a formula is not run by a spreadsheet")
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        assertThat(Files.text(files.get("manifest.json"))).contains("\"table\" : \"entry\"");
    }

    @Test
    void the_link_works_for_that_admin_only() {
        Clinic clinic = fixture.people(greenMail, "en");
        Clinic elsewhere = fixture.people(greenMail, "en");
        ClinicExports.Started export = exportFixture.finished(clinic);
        assertThat(controller.download(export.token()).getStatusCode()).isEqualTo(HttpStatus.OK);

        TestAccount colleague = fixture.clinics.account(clinic.world().clinic(), Role.CLINIC_ADMIN);
        colleague.signIn();
        assertThatThrownBy(() -> exports.download(export.token())).isInstanceOf(NotFoundException.class);
        assertThat(controller.download(export.token()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThatThrownBy(() -> exports.status(export.status().id())).isInstanceOf(NotFoundException.class);
        elsewhere.admin().signIn();
        assertThatThrownBy(() -> exports.download(export.token())).isInstanceOf(NotFoundException.class);
        clinic.world().therapist().signIn();
        assertThatThrownBy(() -> exports.download(export.token())).isInstanceOf(AccessDeniedException.class);
        assertThat(controller.download(export.token()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        clinic.signInClient();
        assertThatThrownBy(exports::start).isInstanceOf(AccessDeniedException.class);
        clinic.admin().signIn();
        assertThatThrownBy(() -> exports.download("not-the-token-but-long-enough")).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.queryForObject("select token_hash from clinic_export where id = ?", String.class,
                export.status().id().toString())).as("stored hashed").hasSize(64).isNotEqualTo(export.token());
    }

    @Test
    void after_24_hours_the_link_stops_working_and_the_file_is_removed() {
        Clinic clinic = fixture.people(greenMail, "en");
        ClinicExports.Started export = exportFixture.finished(clinic);
        assertThat(Schema.count(jdbc, "scheduled_tasks", "task_instance", clinic.clinicId()))
                .as("the clinic's task is due when the export expires").isPositive();

        clock.moveBy(Duration.ofHours(23));
        assertThat(exports.download(export.token()).bytes()).isNotEmpty();
        clock.moveBy(Duration.ofHours(1).plusSeconds(1));
        assertThatThrownBy(() -> exports.download(export.token())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> exports.newLink(export.status().id())).isInstanceOf(DomainException.class);

        jobs.runDue(clinic.clinicId());

        assertThat(Schema.count(jdbc, "clinic_export_file", "export_id", export.status().id())).isZero();
        clinic.admin().signIn();
        assertThat(exports.status(export.status().id()).state()).isEqualTo(ExportState.EXPIRED);
    }

    @Test
    void a_new_link_replaces_the_old_one_and_one_export_runs_at_a_time() {
        Clinic clinic = fixture.people(greenMail, "en");
        ClinicExports.Started export = exportFixture.finished(clinic);

        String fresh = exports.newLink(export.status().id());

        assertThat(exports.download(fresh).bytes()).isNotEmpty();
        assertThatThrownBy(() -> exports.download(export.token())).isInstanceOf(NotFoundException.class);
        ClinicExports.Started next = exports.start();
        assertThatThrownBy(exports::start).as("while one is running").isInstanceOf(DomainException.class)
                .hasMessageContaining("privacy.export.running");
        exportFixture.await(next.status().id());
    }
}
