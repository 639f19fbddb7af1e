package app.homeward.worksheet;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.NotFoundException;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.TenantContext;
import app.homeward.worksheet.LibraryQuery.Source;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static app.homeward.worksheet.WorksheetServiceTest.sleepDiary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Clinic B never sees clinic A's worksheets: not in its library, not by id, not even the ones A
 * shared and published with its own clinic; and nothing B does changes them. Checked through the
 * service and underneath it, on the repositories with clinic B as the tenant. Built-ins are the
 * exception: every clinic sees the same ones.
 */
class WorksheetIsolationTest extends IntegrationTest {

    @Autowired WorksheetService worksheets;
    @Autowired WorksheetTemplateRepository templates;
    @Autowired WorksheetVersionRepository versions;
    @Autowired TransactionTemplate tx;

    ClinicBranding clinicA;
    ClinicBranding clinicB;
    TestAccount therapistA;
    TestAccount therapistB;
    TestAccount adminB;

    /** A's shared template: version 1 published to the clinic, version 2 an open draft. */
    UUID sharedA;
    long sharedDraftLock;
    UUID sharedV1;
    UUID sharedV2;
    /** A's private, never-published draft. */
    UUID privateA;
    UUID privateV1;
    /** A's copy of a built-in, published to the clinic. */
    UUID copyA;

    @BeforeEach
    void clinicAHasSharedAndPrivateTemplates() {
        clinicA = testClinics.clinic();
        clinicB = testClinics.clinic();
        therapistA = testClinics.account(clinicA, Role.THERAPIST);
        therapistB = testClinics.account(clinicB, Role.THERAPIST);
        adminB = testClinics.account(clinicB, Role.CLINIC_ADMIN);

        therapistA.signIn();
        sharedA = worksheets.create("Clinic A's shared worksheet");
        worksheets.publish(sharedA, worksheets.openDraft(sharedA).lock(), clinicADocument(), Sharing.CLINIC);
        sharedDraftLock = worksheets.saveDraft(sharedA, worksheets.openDraft(sharedA).lock(), clinicADocument()).lock();
        sharedV1 = worksheets.template(sharedA, 1).versionId();
        sharedV2 = worksheets.template(sharedA, 2).versionId();
        privateA = worksheets.create("Clinic A's private draft");
        privateV1 = worksheets.template(privateA, 1).versionId();
        copyA = worksheets.copyBuiltIn("thought-record");
        worksheets.publish(copyA, worksheets.openDraft(copyA).lock(), worksheets.template(copyA, 1).document(),
                Sharing.CLINIC);
        SecurityContextHolder.clearContext();
    }

    @Test
    void clinic_b_library_never_lists_clinic_a_templates() {
        for (TestAccount someone : List.of(therapistB, adminB)) {
            someone.signIn();
            for (LibraryQuery query : List.of(LibraryQuery.ALL,
                    new LibraryQuery(null, null, null, null, null, true),
                    new LibraryQuery(null, null, null, null, Source.CLINIC, false),
                    new LibraryQuery(null, null, null, null, Source.MINE, false),
                    new LibraryQuery("xylophone", null, null, null, null, false),
                    new LibraryQuery(null, null, "clinic-a-only", null, null, false))) {
                assertThat(worksheets.library(query)).as(query.toString()).extracting(LibraryEntry::id)
                        .doesNotContain(sharedA.toString(), privateA.toString(), copyA.toString());
            }
            assertThat(worksheets.library(new LibraryQuery("xylophone", null, null, null, null, false))).isEmpty();
            assertThat(worksheets.library(new LibraryQuery(null, null, null, null, Source.CLINIC, false))).isEmpty();
            assertThat(worksheets.tags()).doesNotContain("clinic-a-only");
        }
        therapistA.signIn();
        assertThat(worksheets.library(new LibraryQuery("xylophone", null, null, null, null, false)))
                .extracting(LibraryEntry::id).as("the same search does find it in clinic A")
                .containsExactly(sharedA.toString());
    }

    @Test
    void clinic_b_cannot_read_or_change_clinic_a_templates_by_id() {
        for (TestAccount someone : List.of(therapistB, adminB)) {
            someone.signIn();
            for (UUID id : List.of(sharedA, privateA, copyA)) {
                for (ThrowingCallable call : everyCallOn(id)) {
                    assertThatThrownBy(call).isInstanceOf(NotFoundException.class);
                }
            }
            for (UUID versionId : List.of(sharedV1, sharedV2, privateV1)) {
                assertThatThrownBy(() -> worksheets.template(versionId, null)).isInstanceOf(NotFoundException.class);
                assertThatThrownBy(() -> worksheets.openDraft(versionId)).isInstanceOf(NotFoundException.class);
            }
        }

        therapistA.signIn();
        WorksheetDetail shared = worksheets.template(sharedA, null);
        assertThat(shared.number()).isEqualTo(1);
        assertThat(shared.archived()).isFalse();
        assertThat(shared.sharing()).isEqualTo(Sharing.CLINIC);
        assertThat(shared.document()).isEqualTo(clinicADocument());
        assertThat(shared.versions()).hasSize(2);
        Draft draft = worksheets.openDraft(sharedA);
        assertThat(draft.number()).isEqualTo(2);
        assertThat(draft.lock()).as("nobody saved the draft").isEqualTo(sharedDraftLock);
        assertThat(draft.document()).isEqualTo(clinicADocument());
        assertThat(worksheets.template(privateA, null).archived()).isFalse();
        assertThat(worksheets.template(copyA, null).archived()).isFalse();
        assertThat(worksheets.library(new LibraryQuery(null, null, null, null, Source.MINE, false)))
                .hasSize(3);
    }

    @Test
    void clinic_b_import_of_an_exported_document_is_its_own_copy() {
        therapistA.signIn();
        String exported = worksheets.export(sharedA.toString(), 1);
        therapistB.signIn();

        UUID copy = worksheets.importDocument(exported);
        worksheets.publish(copy, worksheets.openDraft(copy).lock(), sleepDiary("Changed in clinic B"), Sharing.CLINIC);

        adminB.signIn();
        assertThat(worksheets.template(copy, null).document()).isEqualTo(sleepDiary("Changed in clinic B"));
        therapistA.signIn();
        assertThatThrownBy(() -> worksheets.template(copy, null)).isInstanceOf(NotFoundException.class);
        assertThat(worksheets.template(sharedA, 1).document()).isEqualTo(clinicADocument());
        assertThat(worksheets.library(LibraryQuery.ALL)).extracting(LibraryEntry::id).doesNotContain(copy.toString());
    }

    @Test
    void clinic_b_repositories_find_none_of_clinic_a_rows() {
        List<UUID> templatesOfA = List.of(sharedA, privateA, copyA);
        List<UUID> versionsOfA = List.of(sharedV1, sharedV2, privateV1);
        UUID copyB = signedInAs(therapistB, () -> worksheets.copyBuiltIn("thought-record"));

        // clinic B bound explicitly (jobs, anonymous flows) ...
        TenantContext.runAs(clinicB.id(), () -> tx.executeWithoutResult(s -> assertClinicBSeesNoneOfA(
                templatesOfA, versionsOfA, copyB)));
        // ... and clinic B from the signed-in principal
        adminB.signIn();
        tx.executeWithoutResult(s -> assertClinicBSeesNoneOfA(templatesOfA, versionsOfA, copyB));
        SecurityContextHolder.clearContext();

        TenantContext.runAs(clinicA.id(), () -> tx.executeWithoutResult(s -> {
            assertThat(templatesOfA).allSatisfy(id -> assertThat(templates.findById(id)).isPresent());
            assertThat(versionsOfA).allSatisfy(id -> assertThat(versions.findById(id)).isPresent());
            assertThat(versions.findByTemplateIdAndNumber(sharedA, 1)).isPresent();
            assertThat(templates.findById(copyB)).as("and clinic A does not see B's").isEmpty();
        }));
    }

    private void assertClinicBSeesNoneOfA(List<UUID> templatesOfA, List<UUID> versionsOfA, UUID copyB) {
        for (UUID id : templatesOfA) {
            assertThat(templates.findById(id)).as("template " + id).isEmpty();
            assertThat(templates.existsById(id)).isFalse();
            assertThat(versions.findByTemplateIdOrderByNumberDesc(id)).isEmpty();
            assertThat(versions.findByTemplateIdAndNumber(id, 1)).isEmpty();
        }
        for (UUID id : versionsOfA) {
            assertThat(versions.findById(id)).as("version " + id).isEmpty();
        }
        assertThat(templates.findAll()).extracting(WorksheetTemplate::getId)
                .doesNotContainAnyElementsOf(templatesOfA).contains(copyB);
        assertThat(templates.findAll()).extracting(WorksheetTemplate::getClinicId).containsOnly(clinicB.id());
        assertThat(versions.findAll()).extracting(WorksheetVersion::getId).doesNotContainAnyElementsOf(versionsOfA);
        assertThat(versions.findAll()).extracting(WorksheetVersion::getClinicId).containsOnly(clinicB.id());
        assertThat(templates.findVisibleTo(therapistA.id(), true)).isEmpty();
        assertThat(templates.findById(copyB)).as("clinic B still finds its own template").isPresent();
    }

    @Test
    void built_ins_are_visible_to_both_clinics_and_copies_stay_in_their_clinic() {
        List<String> slugsA = signedInAs(therapistA, () -> builtInSlugs());
        List<String> slugsB = signedInAs(therapistB, () -> builtInSlugs());

        assertThat(slugsA).isNotEmpty().contains("thought-record", "phq-9").isEqualTo(slugsB);
        therapistA.signIn();
        WorksheetDetail seenByA = worksheets.builtIn("phq-9", null);
        therapistB.signIn();
        WorksheetDetail seenByB = worksheets.builtIn("phq-9", null);
        assertThat(seenByB.versionId()).isEqualTo(seenByA.versionId());
        assertThat(seenByB.document()).isEqualTo(seenByA.document());
        assertThat(worksheets.export("phq-9", seenByB.number())).isEqualTo(WorksheetJson.write(seenByA.document()));

        UUID copyB = worksheets.copyBuiltIn("thought-record");
        assertThat(worksheets.template(copyB, null).forkedFrom()).isEqualTo("thought-record");
        therapistA.signIn();
        assertThatThrownBy(() -> worksheets.template(copyB, null)).isInstanceOf(NotFoundException.class);
        assertThat(worksheets.template(copyA, null).forkedFrom()).isEqualTo("thought-record");
    }

    // ------------------------------------------------------------------ helpers

    private List<ThrowingCallable> everyCallOn(UUID id) {
        WorksheetDocument document = sleepDiary("Taken over by clinic B");
        return List.of(
                () -> worksheets.template(id, null),
                () -> worksheets.template(id, 1),
                () -> worksheets.template(id, 2),
                () -> worksheets.compare(id.toString(), 1, 2),
                () -> worksheets.compare(id.toString(), 1, 1),
                () -> worksheets.export(id.toString(), 1),
                () -> worksheets.duplicate(id, 1),
                () -> worksheets.openDraft(id),
                () -> worksheets.saveDraft(id, sharedDraftLock, document),
                () -> worksheets.saveDraft(id, 0, document),
                () -> worksheets.publish(id, sharedDraftLock, document, Sharing.CLINIC),
                () -> worksheets.publish(id, 0, document, Sharing.CLINIC),
                () -> worksheets.discardDraft(id, sharedDraftLock),
                () -> worksheets.share(id, Sharing.PRIVATE),
                () -> worksheets.archive(id),
                () -> worksheets.restore(id));
    }

    private List<String> builtInSlugs() {
        return worksheets.library(new LibraryQuery(null, null, null, null, Source.BUILT_IN, false)).stream()
                .map(LibraryEntry::id).toList();
    }

    /** Runs signed in as the given person (of whichever clinic), then signs out. */
    private <T> T signedInAs(TestAccount person, Supplier<T> work) {
        person.signIn();
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Clinic A's worksheet, with words and a tag nobody else uses. */
    private static WorksheetDocument clinicADocument() {
        WorksheetDocument base = sleepDiary("Clinic A's shared worksheet");
        return new WorksheetDocument(base.title(), "Xylophone practice log", base.rationale(), base.category(),
                List.of("clinic-a-only"), base.minutes(), base.difficulty(), base.language(), base.fields(), null);
    }
}
