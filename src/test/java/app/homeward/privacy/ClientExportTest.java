package app.homeward.privacy;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.NotFoundException;
import app.homeward.privacy.DataRightsFixture.Clinic;
import app.homeward.security.Role;
import app.homeward.security.TestUsers;
import ca.uhn.fhir.context.FhirContext;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A client takes everything Homeward holds about them: a readable PDF and a ZIP of JSON and FHIR R4. */
class ClientExportTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    @Autowired DataRightsFixture fixture;
    @Autowired PrivacyService privacy;

    @Test
    void the_client_downloads_a_pdf_with_their_details_plans_entries_feedback_and_scores() {
        Clinic clinic = fixture.people(greenMail, "en");
        fixture.history(clinic);
        clinic.signInClient();

        PrivacyService.Download pdf = privacy.myPdf();

        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.fileName()).matches("homeward-record-\\d{4}-\\d{2}-\\d{2}\\.pdf");
        String text = Files.pdfText(pdf.bytes());
        assertThat(text).contains(clinic.world().name(), clinic.world().email())
                .contains("Walk to the harbour every morning")
                .contains("Writing it down helps.", "After dinner", "Kitchen")
                .as("answers under the questions of the version used").contains("Everyone is looking at me")
                .contains("Harder than I thought Qz", "Well spotted Qz", "Good balance Qz")
                .contains("Evenings are busy Qz")
                .contains("Measure scores over time")
                .contains("Reminders");
    }

    @Test
    void a_spanish_speaking_client_gets_the_pdf_in_spanish() {
        Clinic clinic = fixture.people(greenMail, "es");
        fixture.history(clinic);
        clinic.signInClient();

        String text = Files.pdfText(privacy.myPdf().bytes());

        assertThat(text).contains("Tus datos", "Tus planes", "Lo que enviaste").doesNotContain("Your plans");
    }

    @Test
    void the_zip_holds_json_the_pdf_and_a_valid_fhir_questionnaire_and_response_per_submitted_entry() {
        Clinic clinic = fixture.people(greenMail, "en");
        fixture.history(clinic);
        clinic.signInClient();

        Map<String, byte[]> files = Files.unzip(privacy.myZip().bytes());

        assertThat(files).containsKeys("README.txt", "record.json", "record.pdf");
        JsonNode record = JsonMapper.builder().build().readTree(files.get("record.json"));
        assertThat(record.get("format").asString()).isEqualTo("homeward-client-record");
        assertThat(record.get("client").get("email").asString()).isEqualTo(clinic.world().email());
        assertThat(record.get("entries")).hasSize(3).as("two sent, one draft");
        JsonNode thoughtRecord = record.get("entries").valueStream()
                .filter(e -> e.get("title").asString().equals("Secret title Zq")).findFirst().orElseThrow();
        assertThat(thoughtRecord.get("answersLabelled").get(0).get("question").asString()).isNotBlank();
        assertThat(thoughtRecord.get("reflection").get("note").asString()).isEqualTo("Harder than I thought Qz");
        assertThat(record.get("safetyAlerts")).hasSize(1);
        assertThat(record.get("measureScores")).hasSize(1);
        assertThat(record.get("reminders").get("preferredTime").asString()).isEqualTo("19:00");

        List<String> questionnaires = files.keySet().stream().filter(n -> n.startsWith("fhir/Questionnaire-")).toList();
        List<String> responses = files.keySet().stream().filter(n -> n.startsWith("fhir/QuestionnaireResponse-")).toList();
        assertThat(questionnaires).as("the thought record and the PHQ-9 (the mood log is only a draft)").hasSize(2);
        assertThat(responses).hasSize(2);
        var parser = FhirContext.forR4Cached().newJsonParser();
        Map<String, Questionnaire> byUrl = questionnaires.stream()
                .map(n -> parser.parseResource(Questionnaire.class, Files.text(files.get(n))))
                .collect(Collectors.toMap(Questionnaire::getUrl, q -> q));
        for (Questionnaire q : byUrl.values()) {
            assertThat(FhirR4Check.errors(q)).as("Questionnaire " + q.getTitle()).isEmpty();
        }
        for (String name : responses) {
            QuestionnaireResponse response = parser.parseResource(QuestionnaireResponse.class, Files.text(files.get(name)));
            Questionnaire q = byUrl.get(response.getQuestionnaire());
            assertThat(q).as("every response's questionnaire is in the ZIP").isNotNull();
            assertThat(FhirR4Check.errors(response, q)).as(name).isEmpty();
            assertThat(response.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        }
        Questionnaire phq9 = byUrl.values().stream().filter(q -> q.getItem().size() >= 9).findFirst().orElseThrow();
        assertThat(phq9.getItem().getFirst().getLinkId()).as("linkIds are the field ids").isNotBlank();
        assertThat(phq9.getItem()).anySatisfy(i -> assertThat(i.getAnswerOption()).isNotEmpty());
    }

    @Test
    void the_fhir_check_finds_a_broken_response() {
        Clinic clinic = fixture.people(greenMail, "en");
        fixture.history(clinic);
        clinic.signInClient();
        Map<String, byte[]> files = Files.unzip(privacy.myZip().bytes());
        var parser = FhirContext.forR4Cached().newJsonParser();
        QuestionnaireResponse response = files.keySet().stream().filter(n -> n.startsWith("fhir/QuestionnaireResponse-"))
                .map(n -> parser.parseResource(QuestionnaireResponse.class, Files.text(files.get(n)))).findFirst().orElseThrow();
        Questionnaire questionnaire = files.keySet().stream().filter(n -> n.startsWith("fhir/Questionnaire-"))
                .map(n -> parser.parseResource(Questionnaire.class, Files.text(files.get(n))))
                .filter(q -> q.getUrl().equals(response.getQuestionnaire())).findFirst().orElseThrow();

        response.setStatus(null);
        var item = response.getItemFirstRep();
        item.addItem().setLinkId("nested").addAnswer().setValue(new StringType("x"));
        item.addAnswer().setValue(new StringType("both"));
        response.addItem().setLinkId("no-such-question").addAnswer().setValue(new BooleanType(true));

        List<String> errors = FhirR4Check.errors(response, questionnaire);

        assertThat(errors).anyMatch(e -> e.startsWith("schema")).as("status is required")
                .anyMatch(e -> e.startsWith("qrs-1")).as("an item with both answers and items")
                .anyMatch(e -> e.contains("no-such-question"));
    }

    @Test
    void another_client_of_the_clinic_gets_only_their_own_record() {
        Clinic clinic = fixture.people(greenMail, "en");
        fixture.history(clinic);
        var other = fixture.reminders.join(greenMail, clinic.world().clinic(), clinic.world().therapist(),
                DataRightsFixture.ZONE, "en");
        TestUsers.signInAs(other.client());

        String text = Files.pdfText(privacy.myPdf().bytes());
        String json = Files.text(Files.unzip(privacy.myZip().bytes()).get("record.json"));

        assertThat(text).contains(other.name()).doesNotContain(clinic.world().name()).doesNotContain("Everyone is looking at me");
        assertThat(json).doesNotContain(clinic.world().email()).doesNotContain("Harder than I thought Qz");
    }

    @Test
    void the_clinic_admin_exports_a_clients_record_with_the_same_contents() {
        Clinic clinic = fixture.people(greenMail, "en");
        fixture.history(clinic);
        clinic.admin().signIn();

        String text = Files.pdfText(privacy.pdfOf(clinic.clientId()).bytes());
        Map<String, byte[]> files = Files.unzip(privacy.zipOf(clinic.clientId()).bytes());

        assertThat(text).contains(clinic.world().name(), "Everyone is looking at me", "Well spotted Qz");
        assertThat(files.keySet()).filteredOn(n -> n.startsWith("fhir/")).hasSize(4);
        assertThat(Files.text(files.get("record.json"))).contains("Harder than I thought Qz");
    }

    @Test
    void a_therapist_a_client_and_another_clinics_admin_cannot_export_a_clients_record() {
        Clinic clinic = fixture.people(greenMail, "en");
        Clinic elsewhere = fixture.people(greenMail, "en");

        clinic.world().therapist().signIn();
        assertThatThrownBy(() -> privacy.pdfOf(clinic.clientId())).isInstanceOf(AccessDeniedException.class);
        clinic.signInClient();
        assertThatThrownBy(() -> privacy.zipOf(clinic.clientId())).isInstanceOf(AccessDeniedException.class);
        elsewhere.admin().signIn();
        assertThatThrownBy(() -> privacy.pdfOf(clinic.clientId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> privacy.zipOf(clinic.clientId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> privacy.clientData(clinic.clientId())).isInstanceOf(NotFoundException.class);
        TestAccount staff = fixture.clinics.account(clinic.world().clinic(), Role.THERAPIST);
        staff.signIn();
        assertThatThrownBy(privacy::myPdf).isInstanceOf(AccessDeniedException.class);
    }
}
