package app.homeward.tenants;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics;
import app.homeward.homework.MeasureHistory;
import app.homeward.homework.portal.ProgressService;
import app.homeward.homework.portal.TodayService;
import app.homeward.safety.ClinicSafety;
import app.homeward.security.SignInOutcome;
import app.homeward.security.SignInService;
import app.homeward.security.TestUsers;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicStatus;
import app.homeward.worksheet.ReliableChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** tenants/*.yaml: creates what is missing, never overwrites what the clinic changed, safe to run twice. */
class TenantImporterTest extends IntegrationTest {

    @Autowired TenantImporter importer;
    @Autowired ClinicDirectory clinics;
    @Autowired SignInService signIn;
    @Autowired TodayService todayService;
    @Autowired ProgressService progressService;
    @Autowired JdbcTemplate jdbc;
    @Autowired ClinicSafety safety;

    @TempDir Path directory;

    @Test
    void a_clinic_definition_creates_an_active_clinic_whose_people_can_sign_in() throws IOException {
        String slug = TestClinics.randomSlug();
        importer.importFile(definition(slug, "Harbour Clinic", "#1d4e89", "lee@harbour.test"));

        ClinicBranding clinic = clinics.findBySlug(slug).orElseThrow();
        assertThat(clinic.status()).isEqualTo(ClinicStatus.ACTIVE);
        assertThat(clinic.name()).isEqualTo("Harbour Clinic");
        assertThat(clinic.accentColor()).isEqualTo("#1d4e89");
        assertThat(signIn.signIn(slug, "lee@harbour.test", "tidal-lantern-2026", TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void importing_again_changes_nothing_the_clinic_changed_and_adds_only_new_people() throws IOException {
        String slug = TestClinics.randomSlug();
        importer.importFile(definition(slug, "Harbour Clinic", "#1d4e89", "lee@harbour.test"));
        ClinicBranding first = clinics.findBySlug(slug).orElseThrow();
        clinics.changeSettings(first.id(), "Renamed in the app", first.accentColor(), first.timeZone(),
                first.defaultLanguage(), first.countrySetting());

        importer.importFile(definition(slug, "Harbour Clinic", "#1d4e89", "lee@harbour.test", "kim@harbour.test"));

        ClinicBranding again = clinics.findBySlug(slug).orElseThrow();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.name()).isEqualTo("Renamed in the app");
        assertThat(signIn.signIn(slug, "kim@harbour.test", "tidal-lantern-2026", TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
        assertThat(signIn.signIn(slug, "lee@harbour.test", "tidal-lantern-2026", TestClinics.randomIp()))
                .isInstanceOf(SignInOutcome.Success.class);
    }

    @Test
    void the_demo_clinic_gives_casey_six_weeks_of_phq_9_and_morgan_four_of_gad_7_each_with_one_week_missed_and_jordan_a_first_plan()
            throws IOException {
        String slug = TestClinics.randomSlug();
        String demo = Files.readString(Path.of("tenants/demo.yaml")).replace("slug: sunrise", "slug: " + slug);
        Path file = directory.resolve(slug + ".yaml");
        Files.writeString(file, demo);

        importer.importFile(file);

        var casey = (SignInOutcome.Success) signIn.signIn(slug, "casey@sunrise.example", "morning-walk-2026",
                TestClinics.randomIp());
        TestUsers.signInAs(casey.user());
        var progress = progressService.progress();
        assertThat(progress.measures()).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Weekly mood check (PHQ-9)");
            assertThat(m.points()).extracting(MeasureHistory.Point::total).containsExactly(17, 15, 12, 10, 8);
            // 17 → 8 on the PHQ-9: 9 points down, at least the 4 that are more than measurement error, and from
            // at or above the cut-off of 10 to below it
            assertThat(m.change().outcome()).isEqualTo(ReliableChange.Outcome.RELIABLE_IMPROVEMENT);
            assertThat(m.change().recovered()).isTrue();
        });
        assertThat(progressService.history()).hasSize(5).allSatisfy(e -> assertThat(e.score()).isNotNull());
        assertThat(safety.crisisText(Locale.ENGLISH)).as("the demo clinic's own crisis line")
                .hasValueSatisfying(text -> assertThat(text).contains("999").contains("116 123"));
        assertThat(safety.crisisText(Locale.forLanguageTag("es"))).as("and its Spanish text, for Riley")
                .hasValueSatisfying(text -> assertThat(text).startsWith("Si estás en peligro").contains("024"));
        // Dana's client, so that Dana (the first therapist the README names) opens a history and a review queue
        var morgan = (SignInOutcome.Success) signIn.signIn(slug, "morgan@sunrise.example", "morning-walk-2026",
                TestClinics.randomIp());
        TestUsers.signInAs(morgan.user());
        assertThat(progressService.progress().measures()).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Weekly worry check (GAD-7)");
            assertThat(m.points()).extracting(MeasureHistory.Point::total).containsExactly(15, 13, 12, 9);
        });
        assertThat(jdbc.queryForObject("""
                select count(*) from entry e join client c on c.id = e.client_id join account a on a.id = c.therapist_id
                where a.email = 'dana@sunrise.example' and e.reviewed_at is null and e.state = 'SUBMITTED'
                  and e.clinic_id = (select id from clinic where slug = ?)""", Integer.class, slug))
                .as("entries waiting in Dana's review queue").isEqualTo(4);
        var jordan = (SignInOutcome.Success) signIn.signIn(slug, "jordan@sunrise.example", "morning-walk-2026",
                TestClinics.randomIp());
        TestUsers.signInAs(jordan.user());
        assertThat(todayService.today().dueNow()).extracting(c -> c.title()).containsExactly("Evening mood check-in");
    }

    @Test
    void crisis_lines_are_added_once_and_never_overwrite_what_an_admin_wrote() throws IOException {
        String slug = TestClinics.randomSlug();
        Path file = withCrisisLine(definition(slug, "Harbour Clinic", "#1d4e89", "lee@harbour.test"), "en", "Call 112 if you are in danger now.");
        importer.importFile(file);
        jdbc.update("update crisis_line set message = 'Written by the admin' where clinic_id = (select id from clinic where slug = ?)",
                slug);

        importer.importFile(file);

        assertThat(jdbc.queryForList("select message from crisis_line where clinic_id = (select id from clinic where slug = ?)",
                String.class, slug))
                .containsExactly("Written by the admin");
    }

    @Test
    void a_crisis_line_in_a_language_homeward_does_not_speak_is_refused_with_the_field_named() throws IOException {
        String slug = TestClinics.randomSlug();
        Path file = withCrisisLine(definition(slug, "Harbour Clinic", "#1d4e89", "lee@harbour.test"), "fr", "Appelez le 112.");

        assertThatThrownBy(() -> importer.importFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("crisisLines.fr");
    }

    /** The clinic definition with one crisis line added before its accounts. */
    private static Path withCrisisLine(Path file, String language, String text) throws IOException {
        Files.writeString(file, Files.readString(file).replace("accounts:",
                "crisisLines:\n  " + language + ": " + text + "\naccounts:"));
        return file;
    }

    private Path definition(String slug, String name, String accent, String... emails) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                slug: %s
                name: %s
                timeZone: Europe/Dublin
                defaultLanguage: en
                accentColor: "%s"
                accounts:
                """.formatted(slug, name, accent));
        for (String email : emails) {
            yaml.append("""
                      - email: %s
                        name: Person %s
                        role: THERAPIST
                        password: tidal-lantern-2026
                    """.formatted(email, email.substring(0, 3)));
        }
        Path file = directory.resolve(slug + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
