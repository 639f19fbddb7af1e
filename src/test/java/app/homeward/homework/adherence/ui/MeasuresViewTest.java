package app.homeward.homework.adherence.ui;

import app.homeward.TestClinics.TestAccount;
import app.homeward.ViewTest;
import app.homeward.audit.AuditTrail;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientService;
import app.homeward.client.ui.ClientView;
import app.homeward.homework.AdherenceFixture;
import app.homeward.homework.adherence.AdherenceReport;
import app.homeward.homework.adherence.AdherenceService;
import app.homeward.homework.adherence.ProgressReports;
import app.homeward.homework.plan.HomeworkPlans;
import app.homeward.homework.portal.EntryService;
import app.homeward.homework.portal.TodayService;
import app.homeward.homework.portal.ui.ProgressView;
import app.homeward.safety.ClientScores;
import app.homeward.safety.ClinicSafety;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import com.vaadin.flow.component.html.H2;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measurement-based care on the pages (issue 13): the client page's measures say whether the change is reliable
 * on the measure's own scale, a reliable deterioration puts the client on the "needs attention" list, and the
 * client sees of their own scores what the clinic chose (nothing, the score with its meaning, or score and band).
 */
class MeasuresViewTest extends ViewTest {

    @Autowired ClientService clientService;
    @Autowired HomeworkPlans homework;
    @Autowired TodayService todayService;
    @Autowired EntryService entryService;
    @Autowired JdbcTemplate jdbc;
    AdherenceFixture fixture;
    @Autowired AdherenceService adherence;
    @Autowired ClinicSafety safety;

    TestAccount therapist;
    UUID client;

    @BeforeEach
    void aClientWhosePhq9WentFrom0To16() {
        fixture = new AdherenceFixture(clientService, homework, todayService, entryService, jdbc, clock);
        therapist = testClinics.account(testClinics.clinic(), Role.THERAPIST);
        client = fixture.activeClient(therapist, "Morgan Measures");
        fixture.assignPastWeek(therapist, client, 8);
        fixture.sendOldestAt(client, "not-at-all");     // 0
        fixture.sendOldestAt(client, "more-than-half"); // 8 × 2 = 16, Moderately severe
    }

    @Test
    void the_client_page_says_the_change_is_a_reliable_deterioration_and_the_client_needs_attention() {
        therapist.signIn();

        ClientView view = navigate("app/clients/" + client, ClientView.class);

        ClientMeasuresPanel panel = find(ClientMeasuresPanel.class).single();
        String text = panel.getElement().getTextRecursively();
        assertThat(text).contains(AdherenceFixture.TITLE)
                .contains("Reliable deterioration: from 0 to 16 (a change of 4 points or more is more than measurement error).")
                .contains("Bands: Minimal 0–4, Mild 5–9, Moderate 10–14, Moderately severe 15–19, Severe 20–27.")
                .contains("Clinical cut-off: 10.")
                .contains("Moderately severe");
        assertThat(view).isNotNull();
        AdherenceReport report = adherence.caseload(8);
        assertThat(report.attention()).filteredOn(a -> a.clientId().equals(client)).singleElement()
                .satisfies(a -> assertThat(a.reasons()).anySatisfy(r -> {
                    assertThat(r.kind()).isEqualTo(AdherenceReport.Kind.RELIABLE_DETERIORATION);
                    assertThat(r.measure()).isEqualTo(AdherenceFixture.TITLE);
                    assertThat(r.from()).isZero();
                    assertThat(r.to()).isEqualTo(16);
                }));
    }

    @Test
    void clients_see_the_score_with_its_meaning_by_default_and_what_the_clinic_chose_otherwise() {
        TestUsers.signInAs(fixture.clientUser(client));
        navigate(ProgressView.class);
        String page = find(ProgressView.class).single().getElement().getTextRecursively();
        assertThat(page).contains("Latest: 16 out of 27. On this questionnaire a lower score means fewer difficulties.")
                .doesNotContain("Moderately severe");

        TestAccount admin = testClinics.account(therapist.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
        safety.changeClientScores(ClientScores.SCORE_AND_BAND);
        TestUsers.signInAs(fixture.clientUser(client));
        navigate(ProgressView.class);
        assertThat(find(ProgressView.class).single().getElement().getTextRecursively()).contains("Moderately severe");

        admin.signIn();
        safety.changeClientScores(ClientScores.NOTHING);
        TestUsers.signInAs(fixture.clientUser(client));
        navigate(ProgressView.class);
        String nothing = find(ProgressView.class).single().getElement().getTextRecursively();
        assertThat(nothing).doesNotContain("Score 16").doesNotContain("Moderately severe").doesNotContain("out of 27");
        assertThat(find(H2.class).all()).extracting(H2::getText).noneMatch(h -> h.contains(AdherenceFixture.TITLE));
    }

    @Test
    void the_progress_report_prints_the_measures_and_adherence_and_its_download_is_audited(
            @Autowired ProgressReports reports,
            @Autowired AuditTrail auditTrail) throws IOException {
        therapist.signIn();

        ProgressReports.Report report = reports.progressReport(client, Messages.ENGLISH);

        assertThat(report.fileName()).startsWith("progress-report-").endsWith(".pdf").doesNotContain("Morgan");
        String text = pdfText(report.pdf()).replaceAll("\\s+", " ");
        assertThat(text).contains("Progress report: Morgan Measures").contains(AdherenceFixture.TITLE)
                .contains("Reliable deterioration: from 0 to 16").contains("Scale 0–27.")
                .contains("Moderately severe").contains("Homework over the last 12 weeks");
        auditTrail.flush();
        assertThat(jdbc.queryForObject("select count(*) from audit_record where clinic_id = ? and action = 'report.downloaded'"
                        + " and client_id = ?", Integer.class, therapist.clinicId().toString(), client.toString()))
                .isEqualTo(1);

        TestAccount stranger = testClinics.account(testClinics.clinic(), Role.THERAPIST);
        stranger.signIn();
        Assertions.assertThatThrownBy(() -> reports.progressReport(client, Messages.ENGLISH))
                .isInstanceOf(NotFoundException.class);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        var reader = new PdfReader(pdf);
        try {
            var extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
