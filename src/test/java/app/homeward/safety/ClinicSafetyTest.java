package app.homeward.safety;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.base.Messages;
import app.homeward.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * A clinic's crisis lines per language and its choice of what clients see of their scores: read in the
 * client's language with a sensible fallback, changed only by the clinic's admins, and never visible to or
 * changeable by another clinic (issue 13).
 */
class ClinicSafetyTest extends IntegrationTest {

    @Autowired ClinicSafety safety;
    @Autowired JdbcTemplate jdbc;

    @Test
    void each_language_reads_its_own_line_and_a_missing_one_falls_back_to_the_clinics_default_language() {
        TestAccount admin = testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
        assertThat(safety.hasCrisisLine()).isFalse();
        assertThat(safety.crisisText(Messages.ENGLISH)).isEmpty();

        safety.changeCrisisLines(Map.of(Messages.ENGLISH, "  Call 0800 000 000 (9-5).\nIn danger: 999.  ",
                Messages.SPANISH, "Llama al 0800 000 000."));

        assertThat(safety.hasCrisisLine()).isTrue();
        assertThat(safety.crisisText(Messages.ENGLISH)).contains("Call 0800 000 000 (9-5).\nIn danger: 999.");
        assertThat(safety.crisisText(Locale.forLanguageTag("es-MX"))).contains("Llama al 0800 000 000.");
        assertThat(safety.crisisLines()).containsExactly(entry(Messages.ENGLISH, "Call 0800 000 000 (9-5).\nIn danger: 999."),
                entry(Messages.SPANISH, "Llama al 0800 000 000."));

        safety.changeCrisisLines(Map.of(Messages.SPANISH, ""));

        assertThat(safety.crisisText(Messages.SPANISH)).as("the clinic's English line, not no number at all")
                .contains("Call 0800 000 000 (9-5).\nIn danger: 999.");
        assertThat(safety.crisisLines()).containsEntry(Messages.SPANISH, "");
    }

    @Test
    void a_line_too_long_is_refused_with_a_message_for_its_field_and_nothing_changes() {
        TestAccount admin = testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
        safety.changeCrisisLines(Map.of(Messages.ENGLISH, "Call 0800 000 000."));

        assertThatThrownBy(() -> safety.changeCrisisLines(Map.of(Messages.ENGLISH, "x".repeat(1001))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("crisis-en"));
        assertThatThrownBy(() -> safety.changeCrisisLines(Map.of(Locale.GERMAN, "Ruf an")))
                .isInstanceOf(DomainException.class);

        assertThat(safety.crisisText(Messages.ENGLISH)).contains("Call 0800 000 000.");
    }

    @Test
    void clients_see_the_score_with_its_meaning_until_the_admin_chooses_otherwise() {
        TestAccount admin = testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN);
        admin.signIn();
        assertThat(safety.clientScores()).isEqualTo(ClientScores.MEANING);

        safety.changeClientScores(ClientScores.NOTHING);
        assertThat(safety.clientScores()).isEqualTo(ClientScores.NOTHING);
        safety.changeClientScores(ClientScores.SCORE_AND_BAND);

        assertThat(safety.clientScores()).isEqualTo(ClientScores.SCORE_AND_BAND);
        assertThatThrownBy(() -> safety.changeClientScores(null)).isInstanceOf(DomainException.class);
    }

    @Test
    void only_an_admin_changes_them() {
        TestAccount therapist = testClinics.account(testClinics.clinic(), Role.THERAPIST);
        therapist.signIn();

        assertThatThrownBy(() -> safety.changeCrisisLines(Map.of(Messages.ENGLISH, "Call me")))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> safety.changeClientScores(ClientScores.NOTHING))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(safety::crisisLines).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(safety.crisisText(Messages.ENGLISH)).as("a therapist may read what clients read").isEmpty();
    }

    @Test
    void another_clinic_neither_reads_nor_changes_a_clinics_lines_or_score_choice() {
        TestAccount adminA = testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN);
        TestAccount adminB = testClinics.account(testClinics.clinic(), Role.CLINIC_ADMIN);
        adminA.signIn();
        safety.changeCrisisLines(Map.of(Messages.ENGLISH, "Clinic A's line 0800 111 111."));
        safety.changeClientScores(ClientScores.NOTHING);

        adminB.signIn();
        assertThat(safety.crisisText(Messages.ENGLISH)).isEmpty();
        assertThat(safety.hasCrisisLine()).isFalse();
        assertThat(safety.clientScores()).isEqualTo(ClientScores.MEANING);
        safety.changeCrisisLines(Map.of(Messages.ENGLISH, "Clinic B's line 0800 222 222."));
        safety.changeClientScores(ClientScores.SCORE_AND_BAND);

        adminA.signIn();
        assertThat(safety.crisisText(Messages.ENGLISH)).contains("Clinic A's line 0800 111 111.");
        assertThat(safety.clientScores()).isEqualTo(ClientScores.NOTHING);
        assertThat(jdbc.queryForObject("select count(*) from crisis_line where clinic_id = ?", Integer.class,
                adminA.clinicId().toString())).isEqualTo(1);
    }
}
