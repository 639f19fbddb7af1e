package app.homeward.worksheet;

import app.homeward.IntegrationTest;
import app.homeward.TestClinics.TestAccount;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.worksheet.FieldTypes.Instructions;
import app.homeward.worksheet.FieldTypes.Option;
import app.homeward.worksheet.FieldTypes.RatingScale;
import app.homeward.worksheet.FieldTypes.ShortText;
import app.homeward.worksheet.FieldTypes.SingleChoice;
import app.homeward.worksheet.LibraryQuery.Source;
import app.homeward.worksheet.VersionDiff.Change;
import app.homeward.worksheet.WorksheetDetail.VersionSummary;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The worksheet library of one clinic, through the real service on the real database: drafts and
 * their locks, publishing and versions, who sees and edits what, archiving, built-ins, the library
 * filters, import limits and method security.
 */
class WorksheetServiceTest extends IntegrationTest {

    @Autowired WorksheetService worksheets;

    ClinicBranding clinic;
    TestAccount owner;
    TestAccount colleague;
    TestAccount otherColleague;
    TestAccount admin;
    TestAccount client;

    @BeforeEach
    void aClinicWithTherapistsAnAdminAndAClient() {
        clinic = testClinics.clinic();
        owner = testClinics.account(clinic, Role.THERAPIST);
        colleague = testClinics.account(clinic, Role.THERAPIST);
        otherColleague = testClinics.account(clinic, Role.THERAPIST);
        admin = testClinics.account(clinic, Role.CLINIC_ADMIN);
        client = testClinics.account(clinic, Role.CLIENT);
    }

    // ------------------------------------------------------------------ drafts and locks

    @Test
    void creating_a_worksheet_makes_a_private_draft_owned_by_its_creator() {
        owner.signIn();

        UUID id = worksheets.create("  Sleep diary ");

        WorksheetDetail detail = worksheets.template(id, null);
        assertThat(detail.number()).isEqualTo(1);
        assertThat(detail.state()).isEqualTo(VersionState.DRAFT);
        assertThat(detail.owner()).isTrue();
        assertThat(detail.source()).isEqualTo(Source.MINE);
        assertThat(detail.sharing()).isEqualTo(Sharing.PRIVATE);
        assertThat(detail.canEdit()).isTrue();
        assertThat(detail.archived()).isFalse();
        assertThat(detail.document().title()).isEqualTo("Sleep diary");
        assertThat(detail.versions()).extracting(VersionSummary::number, VersionSummary::state)
                .containsExactly(Tuple.tuple(1, VersionState.DRAFT));
        assertThat(entry(LibraryQuery.ALL, id)).satisfies(e -> {
            assertThat(e.source()).isEqualTo(Source.MINE);
            assertThat(e.hasDraft()).isTrue();
            assertThat(e.published()).isFalse();
            assertThat(e.sharing()).isEqualTo(Sharing.PRIVATE);
        });
    }

    @Test
    void creating_a_worksheet_without_a_title_is_refused() {
        owner.signIn();

        assertThatThrownBy(() -> worksheets.create("   "))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("title");
                    assertThat(e.messageKey()).isEqualTo("validation.required");
                });
        assertThat(mine()).isEmpty();
    }

    @Test
    void creating_a_worksheet_with_an_overlong_title_is_refused_cleanly() {
        owner.signIn();
        String title = "x".repeat(WorksheetLimits.TITLE + 1);

        // refused like any other input problem (a DomainException the view can show), not a database error
        assertThatThrownBy(() -> worksheets.create(title)).isInstanceOf(DomainException.class);
        assertThat(mine()).isEmpty();
        assertThat(worksheets.template(worksheets.create("x".repeat(WorksheetLimits.TITLE)), null).document().title())
                .hasSize(WorksheetLimits.TITLE);
    }

    @Test
    void saving_a_draft_with_the_current_lock_works_and_returns_a_new_lock() {
        owner.signIn();
        UUID id = worksheets.create("Sleep diary");
        Draft opened = worksheets.openDraft(id);

        Draft first = worksheets.saveDraft(id, opened.lock(), sleepDiary("Sleep diary"));
        Draft second = worksheets.saveDraft(id, first.lock(), sleepDiary("Sleep diary, week two"));

        assertThat(first.lock()).isNotEqualTo(opened.lock());
        assertThat(second.lock()).isNotEqualTo(first.lock()).isNotEqualTo(opened.lock());
        assertThat(second.number()).isEqualTo(1);
        assertThat(second.document()).isEqualTo(sleepDiary("Sleep diary, week two"));
        assertThat(worksheets.openDraft(id).lock()).as("opening again hands out the current lock")
                .isEqualTo(second.lock());
        assertThat(worksheets.template(id, null).document()).isEqualTo(sleepDiary("Sleep diary, week two"));
        assertThat(entry(LibraryQuery.ALL, id).title()).as("an unpublished draft's title is what the library shows")
                .isEqualTo("Sleep diary, week two");
    }

    @Test
    void saving_with_a_stale_lock_is_refused_and_overwrites_nothing() {
        owner.signIn();
        UUID id = worksheets.create("Sleep diary");
        Draft opened = worksheets.openDraft(id);
        worksheets.saveDraft(id, opened.lock(), sleepDiary("Saved first"));

        assertRefused(() -> worksheets.saveDraft(id, opened.lock(), sleepDiary("Saved from a stale copy")),
                "worksheet.changed-elsewhere");
        assertRefused(() -> worksheets.publish(id, opened.lock(), sleepDiary("Published from a stale copy"),
                Sharing.PRIVATE), "worksheet.changed-elsewhere");
        assertRefused(() -> worksheets.discardDraft(id, opened.lock()), "worksheet.changed-elsewhere");

        WorksheetDetail detail = worksheets.template(id, null);
        assertThat(detail.document()).isEqualTo(sleepDiary("Saved first"));
        assertThat(detail.state()).isEqualTo(VersionState.DRAFT);
    }

    @Test
    void two_therapists_editing_the_same_shared_draft_the_second_save_is_told() {
        UUID id = publishedBy(owner, sleepDiary("Sleep diary"), Sharing.CLINIC);
        owner.signIn();
        Draft ownersCopy = worksheets.openDraft(id);
        colleague.signIn();
        Draft colleaguesCopy = worksheets.openDraft(id);
        assertThat(colleaguesCopy.number()).as("both edit the same draft").isEqualTo(ownersCopy.number()).isEqualTo(2);
        assertThat(colleaguesCopy.lock()).isEqualTo(ownersCopy.lock());

        owner.signIn();
        worksheets.saveDraft(id, ownersCopy.lock(), sleepDiary("The owner's edit"));
        colleague.signIn();

        assertRefused(() -> worksheets.saveDraft(id, colleaguesCopy.lock(), sleepDiary("The colleague's edit")),
                "worksheet.changed-elsewhere");
        assertRefused(() -> worksheets.publish(id, colleaguesCopy.lock(), sleepDiary("The colleague's edit"),
                Sharing.CLINIC), "worksheet.changed-elsewhere");
        Draft reopened = worksheets.openDraft(id);
        assertThat(reopened.number()).isEqualTo(2);
        assertThat(reopened.document()).isEqualTo(sleepDiary("The owner's edit"));
        assertThat(worksheets.template(id, 1).document()).isEqualTo(sleepDiary("Sleep diary"));
    }

    @Test
    void a_save_from_before_a_colleague_published_is_told_even_once_the_next_draft_is_open() {
        UUID id = publishedBy(owner, sleepDiary("Sleep diary"), Sharing.CLINIC);
        colleague.signIn();
        Draft colleaguesCopy = worksheets.openDraft(id);                      // version 2, as it was then
        owner.signIn();
        Draft ownersCopy = worksheets.openDraft(id);
        worksheets.publish(id, ownersCopy.lock(), sleepDiary("The owner's version 2"), Sharing.CLINIC);
        Draft third = worksheets.openDraft(id);                                // version 3, nobody saved it yet
        assertThat(third.number()).isEqualTo(3);

        colleague.signIn();
        // the colleague's copy is of version 2, which the owner has since published: saving it now
        // would silently replace the owner's changes in version 3
        assertRefused(() -> worksheets.saveDraft(id, colleaguesCopy.lock(), sleepDiary("The colleague's stale edit")),
                "worksheet.changed-elsewhere");
        assertRefused(() -> worksheets.publish(id, colleaguesCopy.lock(), sleepDiary("The colleague's stale edit"),
                Sharing.CLINIC), "worksheet.changed-elsewhere");
        assertRefused(() -> worksheets.discardDraft(id, colleaguesCopy.lock()), "worksheet.changed-elsewhere");

        owner.signIn();
        WorksheetDetail latest = worksheets.template(id, null);
        assertThat(latest.number()).isEqualTo(2);
        assertThat(latest.document()).isEqualTo(sleepDiary("The owner's version 2"));
        assertThat(worksheets.openDraft(id).document()).as("version 3 still starts from the owner's version 2")
                .isEqualTo(sleepDiary("The owner's version 2"));
    }

    @Test
    void a_draft_may_be_incomplete_but_never_over_the_limits() {
        owner.signIn();
        UUID id = worksheets.create("Sleep diary");
        Draft opened = worksheets.openDraft(id);
        WorksheetDocument incomplete = withFields(sleepDiary(""), List.of(new ShortText("what", "", "", false, null)));

        Draft saved = worksheets.saveDraft(id, opened.lock(), incomplete);

        assertThat(saved.document()).isEqualTo(incomplete);
        assertThatThrownBy(() -> worksheets.saveDraft(id, saved.lock(), withFields(sleepDiary("Too big"), fields(101))))
                .isInstanceOfSatisfying(WorksheetProblems.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("worksheet.problem.too-many-fields");
                    assertThat(e.problems()).extracting(FieldProblem::messageKey)
                            .contains("worksheet.problem.too-many-fields");
                });
        assertThat(worksheets.template(id, null).document()).isEqualTo(incomplete);
    }

    // ------------------------------------------------------------------ publishing and versions

    @Test
    void publishing_validates_strictly_and_reports_every_problem() {
        owner.signIn();
        UUID id = worksheets.create("Sleep diary");
        Draft opened = worksheets.openDraft(id);
        WorksheetDocument broken = new WorksheetDocument("Sleep diary", "", " ", WorksheetCategory.SLEEP, List.of(),
                5, 1, "en", List.of(
                new ShortText("blank", " ", "", true, null),
                new SingleChoice("nochoices", "Pick one", "", true, List.of()),
                new SingleChoice("onechoice", "Pick one of one", "", true, List.of(new Option("only", "Only", null))),
                new RatingScale("upside-down", "Rate it", "", true, 10, 0, "", "", "")), null);

        assertThatThrownBy(() -> worksheets.publish(id, opened.lock(), broken, Sharing.PRIVATE))
                .isInstanceOfSatisfying(WorksheetProblems.class, e -> assertThat(e.problems()).contains(
                        new FieldProblem(null, "worksheet.problem.rationale-empty"),
                        new FieldProblem("blank", "worksheet.problem.label-empty"),
                        new FieldProblem("nochoices", "worksheet.problem.two-choices"),
                        new FieldProblem("onechoice", "worksheet.problem.two-choices"),
                        new FieldProblem("upside-down", "worksheet.problem.rating-range", WorksheetLimits.RATING_SPAN)));

        WorksheetDetail detail = worksheets.template(id, null);
        assertThat(detail.state()).as("nothing was published").isEqualTo(VersionState.DRAFT);
        assertThat(detail.document().title()).isEqualTo("Sleep diary");
        assertThat(detail.document().fields()).as("nothing was saved either").isEmpty();
        assertThat(worksheets.openDraft(id).lock()).as("the lock is still good").isEqualTo(opened.lock());
    }

    @Test
    void publishing_a_worksheet_without_any_question_is_refused() {
        owner.signIn();
        UUID id = worksheets.create("Only words");
        Draft opened = worksheets.openDraft(id);

        assertThatThrownBy(() -> worksheets.publish(id, opened.lock(),
                withFields(sleepDiary("Only words"), List.of(new Instructions("how", "", "Read this."))), Sharing.PRIVATE))
                .isInstanceOfSatisfying(WorksheetProblems.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).contains("worksheet.problem.no-fields"));
    }

    @Test
    void publishing_freezes_the_version() {
        owner.signIn();
        UUID id = worksheets.create("Sleep diary");
        Draft opened = worksheets.openDraft(id);

        worksheets.publish(id, opened.lock(), sleepDiary("Sleep diary"), Sharing.PRIVATE);

        WorksheetDetail detail = worksheets.template(id, null);
        assertThat(detail.number()).isEqualTo(1);
        assertThat(detail.state()).isEqualTo(VersionState.PUBLISHED);
        assertThat(detail.document()).isEqualTo(sleepDiary("Sleep diary"));
        assertThat(detail.versions()).singleElement().satisfies(v -> {
            assertThat(v.state()).isEqualTo(VersionState.PUBLISHED);
            assertThat(v.publishedAt()).isNotNull();
        });
        assertThat(entry(LibraryQuery.ALL, id)).satisfies(e -> {
            assertThat(e.published()).isTrue();
            assertThat(e.hasDraft()).isFalse();
        });
        assertRefused(() -> worksheets.saveDraft(id, opened.lock(), sleepDiary("Changed after publishing")),
                "worksheet.changed-elsewhere");
        assertRefused(() -> worksheets.publish(id, opened.lock(), sleepDiary("Changed after publishing"),
                Sharing.PRIVATE), "worksheet.changed-elsewhere");
        assertThat(worksheets.template(id, 1).document()).isEqualTo(sleepDiary("Sleep diary"));
    }

    @Test
    void editing_after_publishing_starts_the_next_version_and_the_published_one_never_changes() {
        UUID id = publishedBy(owner, sleepDiary("Sleep diary"), Sharing.PRIVATE);
        owner.signIn();

        Draft next = worksheets.openDraft(id);
        assertThat(next.number()).isEqualTo(2);
        assertThat(next.everPublished()).isTrue();
        assertThat(next.document()).as("a copy of the published version").isEqualTo(sleepDiary("Sleep diary"));
        assertThat(worksheets.openDraft(id).number()).as("opening again returns the same draft").isEqualTo(2);
        Draft saved = worksheets.saveDraft(id, next.lock(), sleepDiary("Sleep diary, revised"));

        assertThat(worksheets.template(id, 1).document()).isEqualTo(sleepDiary("Sleep diary"));
        assertThat(worksheets.template(id, 1).state()).isEqualTo(VersionState.PUBLISHED);
        assertThat(worksheets.template(id, null).number()).as("the published version is what is shown").isEqualTo(1);
        assertThat(entry(LibraryQuery.ALL, id)).satisfies(e -> {
            assertThat(e.title()).as("the library shows the published title").isEqualTo("Sleep diary");
            assertThat(e.hasDraft()).isTrue();
        });

        worksheets.publish(id, saved.lock(), sleepDiary("Sleep diary, revised"), Sharing.PRIVATE);

        WorksheetDetail latest = worksheets.template(id, null);
        assertThat(latest.number()).isEqualTo(2);
        assertThat(latest.document()).isEqualTo(sleepDiary("Sleep diary, revised"));
        assertThat(latest.versions()).extracting(VersionSummary::number).containsExactly(2, 1);
        assertThat(latest.versions()).extracting(VersionSummary::state).containsOnly(VersionState.PUBLISHED);
        assertThat(worksheets.template(id, 1).document()).as("version 1 as assignments know it")
                .isEqualTo(sleepDiary("Sleep diary"));
        assertThat(entry(LibraryQuery.ALL, id).title()).isEqualTo("Sleep diary, revised");
        assertThat(worksheets.openDraft(id).number()).isEqualTo(3);
    }

    @Test
    void reading_a_version_that_does_not_exist_is_not_found() {
        UUID id = publishedBy(owner, sleepDiary("Sleep diary"), Sharing.PRIVATE);
        owner.signIn();

        assertNotFound(() -> worksheets.template(id, 2));
        assertNotFound(() -> worksheets.template(id, 0));
        assertNotFound(() -> worksheets.export(id.toString(), 7));
        assertNotFound(() -> worksheets.compare(id.toString(), 1, 2));
    }

    @Test
    void comparing_versions_lists_the_changes() {
        UUID id = publishedBy(owner, sleepDiary("Sleep diary"), Sharing.PRIVATE);
        owner.signIn();
        Draft next = worksheets.openDraft(id);
        WorksheetDocument v1 = sleepDiary("Sleep diary");
        List<Field> changedFields = new ArrayList<>(v1.fields());
        changedFields.remove(2); // "woke"
        changedFields.add(new ShortText("dream", "What did you dream?", "", false, null));
        WorksheetDocument v2 = withFields(new WorksheetDocument("Sleep and dream diary", v1.description(),
                v1.rationale(), v1.category(), v1.tags(), v1.minutes(), 2, v1.language(), null, null), changedFields);
        worksheets.publish(id, next.lock(), v2, Sharing.PRIVATE);

        List<Change> changes = worksheets.compare(id.toString(), 1, 2);

        assertThat(changes).contains(
                new Change("worksheet.diff.title", ""),
                new Change("worksheet.diff.difficulty", ""),
                new Change("worksheet.diff.field-added", "What did you dream?"),
                new Change("worksheet.diff.field-removed", "Did you wake in the night?"));
        assertThat(changes).extracting(Change::messageKey).doesNotContain("worksheet.diff.description",
                "worksheet.diff.category", "worksheet.diff.field-changed");
        assertThat(worksheets.compare(id.toString(), 1, 1)).isEmpty();
    }

    @Test
    void export_writes_a_version_as_json_that_imports_again_as_a_private_draft() {
        UUID id = publishedBy(owner, sleepDiary("Sleep diary"), Sharing.CLINIC);
        colleague.signIn();

        String json = worksheets.export(id.toString(), 1);
        UUID imported = worksheets.importDocument(json);

        assertThat(WorksheetJson.read(json)).isEqualTo(sleepDiary("Sleep diary"));
        WorksheetDetail copy = worksheets.template(imported, null);
        assertThat(imported).isNotEqualTo(id);
        assertThat(copy.document()).isEqualTo(sleepDiary("Sleep diary"));
        assertThat(copy.owner()).isTrue();
        assertThat(copy.sharing()).isEqualTo(Sharing.PRIVATE);
        assertThat(copy.state()).isEqualTo(VersionState.DRAFT);
        assertThat(copy.forkedFrom()).isNull();
    }

    @Test
    void discarding_the_draft_of_a_never_published_template_deletes_it() {
        owner.signIn();
        UUID id = worksheets.create("Sleep diary");
        Draft opened = worksheets.openDraft(id);
        Draft saved = worksheets.saveDraft(id, opened.lock(), sleepDiary("Sleep diary"));

        worksheets.discardDraft(id, saved.lock());

        assertNotFound(() -> worksheets.template(id, null));
        assertNotFound(() -> worksheets.openDraft(id));
        assertThat(mine()).extracting(LibraryEntry::id).doesNotContain(id.toString());
        assertThat(worksheets.library(new LibraryQuery(null, null, null, null, Source.MINE, true)))
                .extracting(LibraryEntry::id).doesNotContain(id.toString());
    }

    @Test
    void discarding_a_later_draft_keeps_the_published_version() {
        UUID id = publishedBy(owner, sleepDiary("Sleep diary"), Sharing.PRIVATE);
        owner.signIn();
        Draft next = worksheets.openDraft(id);
        Draft saved = worksheets.saveDraft(id, next.lock(), sleepDiary("Thrown away"));

        worksheets.discardDraft(id, saved.lock());

        WorksheetDetail detail = worksheets.template(id, null);
        assertThat(detail.number()).isEqualTo(1);
        assertThat(detail.state()).isEqualTo(VersionState.PUBLISHED);
        assertThat(detail.versions()).extracting(VersionSummary::number).containsExactly(1);
        assertThat(entry(LibraryQuery.ALL, id).hasDraft()).isFalse();
        Draft again = worksheets.openDraft(id);
        assertThat(again.number()).isEqualTo(2);
        assertThat(again.document()).isEqualTo(sleepDiary("Sleep diary"));
    }

    // ------------------------------------------------------------------ who sees and edits what

    @Test
    void private_templates_are_invisible_to_colleagues_in_the_same_clinic() {
        UUID draft = draftBy(owner, "Owner's private draft");
        UUID published = publishedBy(owner, sleepDiary("Owner's private worksheet"), Sharing.PRIVATE);
        owner.signIn();
        long lock = worksheets.openDraft(published).lock();

        for (TestAccount other : List.of(colleague, admin)) {
            other.signIn();
            for (UUID id : List.of(draft, published)) {
                assertNotFound(() -> worksheets.template(id, null));
                assertNotFound(() -> worksheets.template(id, 1));
                assertNotFound(() -> worksheets.compare(id.toString(), 1, 1));
                assertNotFound(() -> worksheets.export(id.toString(), 1));
                assertNotFound(() -> worksheets.duplicate(id, 1));
                assertNotFound(() -> worksheets.openDraft(id));
                assertNotFound(() -> worksheets.saveDraft(id, lock, sleepDiary("Taken over")));
                assertNotFound(() -> worksheets.publish(id, lock, sleepDiary("Taken over"), Sharing.CLINIC));
                assertNotFound(() -> worksheets.discardDraft(id, lock));
                assertNotFound(() -> worksheets.share(id, Sharing.CLINIC));
                assertNotFound(() -> worksheets.archive(id));
                assertNotFound(() -> worksheets.restore(id));
            }
            assertThat(worksheets.library(LibraryQuery.ALL)).extracting(LibraryEntry::id)
                    .doesNotContain(draft.toString(), published.toString());
            assertThat(worksheets.library(new LibraryQuery(null, null, null, null, null, true)))
                    .extracting(LibraryEntry::id).doesNotContain(draft.toString(), published.toString());
        }

        owner.signIn();
        assertThat(worksheets.template(published, null).document()).isEqualTo(sleepDiary("Owner's private worksheet"));
        assertThat(worksheets.template(published, null).archived()).isFalse();
        assertThat(worksheets.template(draft, null).state()).isEqualTo(VersionState.DRAFT);
    }

    @Test
    void templates_published_to_the_clinic_are_seen_and_edited_by_every_therapist_and_admin() {
        UUID id = publishedBy(owner, sleepDiary("Shared sleep diary"), Sharing.CLINIC);

        colleague.signIn();
        assertThat(entry(LibraryQuery.ALL, id)).satisfies(e -> {
            assertThat(e.source()).isEqualTo(Source.CLINIC);
            assertThat(e.sharing()).isEqualTo(Sharing.CLINIC);
            assertThat(e.published()).isTrue();
        });
        WorksheetDetail seen = worksheets.template(id, null);
        assertThat(seen.source()).isEqualTo(Source.CLINIC);
        assertThat(seen.owner()).isFalse();
        assertThat(seen.canEdit()).isTrue();
        assertThat(seen.canArchive()).as("a therapist may not archive a colleague's worksheet").isFalse();
        Draft colleaguesDraft = worksheets.openDraft(id);
        Draft saved = worksheets.saveDraft(id, colleaguesDraft.lock(), sleepDiary("Shared sleep diary, by a colleague"));
        worksheets.publish(id, saved.lock(), sleepDiary("Shared sleep diary, by a colleague"), Sharing.CLINIC);

        admin.signIn();
        WorksheetDetail adminSees = worksheets.template(id, null);
        assertThat(adminSees.number()).isEqualTo(2);
        assertThat(adminSees.canEdit()).isTrue();
        assertThat(adminSees.canArchive()).isTrue();
        Draft adminsDraft = worksheets.openDraft(id);
        worksheets.publish(id, adminsDraft.lock(), sleepDiary("Shared sleep diary, by the admin"), Sharing.CLINIC);

        owner.signIn();
        WorksheetDetail ownerSees = worksheets.template(id, null);
        assertThat(ownerSees.number()).isEqualTo(3);
        assertThat(ownerSees.document()).isEqualTo(sleepDiary("Shared sleep diary, by the admin"));
        assertThat(ownerSees.owner()).isTrue();
        assertThat(worksheets.template(id, 2).document()).isEqualTo(sleepDiary("Shared sleep diary, by a colleague"));
        assertThat(worksheets.template(id, 1).document()).isEqualTo(sleepDiary("Shared sleep diary"));
        assertThat(entry(LibraryQuery.ALL, id).source()).isEqualTo(Source.MINE);
    }

    @Test
    void a_shared_template_is_not_shown_to_colleagues_before_it_is_published() {
        UUID id = draftBy(owner, "Not ready yet");
        owner.signIn();

        assertRefused(() -> worksheets.share(id, Sharing.CLINIC), "worksheet.publish-first");

        colleague.signIn();
        assertNotFound(() -> worksheets.template(id, null));
    }

    @Test
    void a_colleague_publishing_a_shared_template_cannot_make_it_private() {
        UUID id = publishedBy(owner, sleepDiary("Shared sleep diary"), Sharing.CLINIC);
        colleague.signIn();
        Draft draft = worksheets.openDraft(id);

        worksheets.publish(id, draft.lock(), sleepDiary("Now mine alone?"), Sharing.PRIVATE);

        assertThat(worksheets.template(id, null).sharing()).isEqualTo(Sharing.CLINIC);
        otherColleague.signIn();
        assertThat(worksheets.template(id, null).document()).isEqualTo(sleepDiary("Now mine alone?"));
        assertThat(entry(LibraryQuery.ALL, id).sharing()).isEqualTo(Sharing.CLINIC);
        owner.signIn();
        assertThat(worksheets.template(id, null).sharing()).isEqualTo(Sharing.CLINIC);
    }

    @Test
    void only_the_owner_may_share_or_unshare() {
        UUID id = publishedBy(owner, sleepDiary("Shared sleep diary"), Sharing.CLINIC);

        for (TestAccount other : List.of(colleague, admin)) {
            other.signIn();
            assertNotFound(() -> worksheets.share(id, Sharing.PRIVATE));
            assertThat(worksheets.template(id, null).sharing()).isEqualTo(Sharing.CLINIC);
        }

        owner.signIn();
        worksheets.share(id, Sharing.PRIVATE);
        colleague.signIn();
        assertNotFound(() -> worksheets.template(id, null));
        assertThat(worksheets.library(LibraryQuery.ALL)).extracting(LibraryEntry::id).doesNotContain(id.toString());

        owner.signIn();
        worksheets.share(id, Sharing.CLINIC);
        colleague.signIn();
        assertThat(worksheets.template(id, null).sharing()).isEqualTo(Sharing.CLINIC);
        assertThat(worksheets.library(LibraryQuery.ALL)).extracting(LibraryEntry::id).contains(id.toString());
    }

    // ------------------------------------------------------------------ archiving

    @Test
    void a_clinic_admin_can_archive_any_shared_template_and_a_colleague_therapist_cannot() {
        UUID id = publishedBy(owner, sleepDiary("Shared sleep diary"), Sharing.CLINIC);

        colleague.signIn();
        assertNotFound(() -> worksheets.archive(id));
        assertThat(worksheets.template(id, null).archived()).isFalse();

        admin.signIn();
        worksheets.archive(id);

        assertThat(worksheets.template(id, null).archived()).isTrue();
        colleague.signIn();
        assertThat(worksheets.library(LibraryQuery.ALL)).extracting(LibraryEntry::id).doesNotContain(id.toString());
        assertNotFound(() -> worksheets.restore(id));
        admin.signIn();
        worksheets.restore(id);
        colleague.signIn();
        assertThat(worksheets.library(LibraryQuery.ALL)).extracting(LibraryEntry::id).contains(id.toString());
    }

    @Test
    void a_clinic_admin_cannot_archive_a_therapists_private_template() {
        UUID id = publishedBy(owner, sleepDiary("Private sleep diary"), Sharing.PRIVATE);
        admin.signIn();

        assertNotFound(() -> worksheets.archive(id));

        owner.signIn();
        assertThat(worksheets.template(id, null).archived()).isFalse();
    }

    @Test
    void archived_templates_are_hidden_from_the_library_unless_asked_for() {
        UUID archived = publishedBy(owner, sleepDiary("Old sleep diary"), Sharing.PRIVATE);
        UUID kept = draftBy(owner, "Current sleep diary");
        owner.signIn();

        worksheets.archive(archived);

        assertThat(worksheets.library(LibraryQuery.ALL)).extracting(LibraryEntry::id)
                .contains(kept.toString()).doesNotContain(archived.toString());
        List<LibraryEntry> archive = worksheets.library(new LibraryQuery(null, null, null, null, null, true));
        assertThat(archive).extracting(LibraryEntry::id).containsExactly(archived.toString());
        assertThat(archive.getFirst().archived()).isTrue();
        assertThat(archive).noneMatch(LibraryEntry::builtIn);

        worksheets.restore(archived);
        assertThat(worksheets.library(LibraryQuery.ALL)).extracting(LibraryEntry::id).contains(archived.toString());
        assertThat(worksheets.library(new LibraryQuery(null, null, null, null, null, true))).isEmpty();
    }

    @Test
    void editing_an_archived_template_is_refused() {
        UUID id = publishedBy(owner, sleepDiary("Sleep diary"), Sharing.CLINIC);
        owner.signIn();
        Draft draft = worksheets.openDraft(id);
        worksheets.archive(id);

        for (TestAccount editor : List.of(owner, colleague)) {
            editor.signIn();
            assertRefused(() -> worksheets.openDraft(id), "worksheet.archived-edit");
            assertRefused(() -> worksheets.saveDraft(id, draft.lock(), sleepDiary("Edited while archived")),
                    "worksheet.archived-edit");
            assertRefused(() -> worksheets.publish(id, draft.lock(), sleepDiary("Edited while archived"),
                    Sharing.CLINIC), "worksheet.archived-edit");
            assertRefused(() -> worksheets.discardDraft(id, draft.lock()), "worksheet.archived-edit");
            WorksheetDetail detail = worksheets.template(id, null);
            assertThat(detail.archived()).isTrue();
            assertThat(detail.canEdit()).isFalse();
        }

        owner.signIn();
        worksheets.restore(id);
        Draft reopened = worksheets.openDraft(id);
        assertThat(reopened.number()).isEqualTo(2);
        // archiving and restoring moved the lock: a copy opened before the archive is stale
        assertThat(reopened.lock()).isGreaterThan(draft.lock());
        assertThat(reopened.document()).isEqualTo(sleepDiary("Sleep diary"));
    }

    // ------------------------------------------------------------------ built-ins and copies

    @Test
    void copying_a_built_in_makes_an_editable_private_draft_that_remembers_where_it_came_from() {
        owner.signIn();
        WorksheetDetail builtIn = worksheets.builtIn("thought-record", null);

        UUID id = worksheets.copyBuiltIn("thought-record");

        WorksheetDetail copy = worksheets.template(id, null);
        assertThat(copy.forkedFrom()).isEqualTo("thought-record");
        assertThat(copy.forkedFromNumber()).isEqualTo(builtIn.number());
        assertThat(copy.owner()).isTrue();
        assertThat(copy.sharing()).isEqualTo(Sharing.PRIVATE);
        assertThat(copy.state()).isEqualTo(VersionState.DRAFT);
        assertThat(copy.canEdit()).isTrue();
        assertThat(copy.document()).isEqualTo(builtIn.document());
        assertThat(entry(LibraryQuery.ALL, id)).satisfies(e -> {
            assertThat(e.forkedFrom()).isEqualTo("thought-record");
            assertThat(e.source()).isEqualTo(Source.MINE);
        });

        Draft draft = worksheets.openDraft(id);
        WorksheetDocument ours = new WorksheetDocument("Our thought record", builtIn.document().description(),
                builtIn.document().rationale(), builtIn.document().category(), builtIn.document().tags(),
                builtIn.document().minutes(), builtIn.document().difficulty(), "en", builtIn.document().fields(), null);
        Draft saved = worksheets.saveDraft(id, draft.lock(), ours);
        worksheets.publish(id, saved.lock(), ours, Sharing.CLINIC);

        assertThat(worksheets.template(id, null).forkedFrom()).isEqualTo("thought-record");
        assertThat(worksheets.builtIn("thought-record", null).document()).as("the built-in is untouched")
                .isEqualTo(builtIn.document());
        colleague.signIn();
        UUID copyOfCopy = worksheets.duplicate(id, 1);
        assertThat(worksheets.template(copyOfCopy, null).forkedFrom()).isEqualTo("thought-record");
    }

    @Test
    void copying_an_unknown_built_in_is_not_found() {
        owner.signIn();

        assertNotFound(() -> worksheets.copyBuiltIn("no-such-worksheet"));
        assertNotFound(() -> worksheets.builtIn("no-such-worksheet", null));
        assertNotFound(() -> worksheets.builtIn("thought-record", 999));
        assertThat(mine()).isEmpty();
    }

    @Test
    void in_language_offers_the_built_in_in_the_readers_language_else_the_original() {
        owner.signIn();

        assertThat(worksheets.inLanguage("phq-9", "es")).isEqualTo("phq-9-es");
        assertThat(worksheets.inLanguage("thought-record", "es")).isEqualTo("thought-record-es");
        assertThat(worksheets.inLanguage("phq-9-es", "en")).as("from a translation back to the original").isEqualTo("phq-9");
        assertThat(worksheets.inLanguage("phq-9-es", "es")).isEqualTo("phq-9-es");
        assertThat(worksheets.inLanguage("phq-9", "en")).isEqualTo("phq-9");
        assertThat(worksheets.inLanguage("phq-9", "fr")).as("no French version: the original").isEqualTo("phq-9");
        assertThat(worksheets.latestPublished(worksheets.inLanguage("gad-7", "es")).document().language()).isEqualTo("es");
        UUID template = worksheets.create("My own worksheet");
        assertThat(worksheets.inLanguage(template.toString(), "es")).as("templates are not translated")
                .isEqualTo(template.toString());
        assertNotFound(() -> worksheets.inLanguage("no-such-worksheet", "es"));
    }

    @Test
    void built_ins_are_visible_to_every_clinic_and_never_editable() {
        ClinicBranding elsewhere = testClinics.clinic();
        List<String> slugs = BuiltInLibrary.read().stream().map(BuiltInLibrary.ShippedWorksheet::slug).toList();
        assertThat(slugs).contains("thought-record", "phq-9");

        for (TestAccount someone : List.of(owner, admin, testClinics.account(elsewhere, Role.THERAPIST))) {
            someone.signIn();
            List<LibraryEntry> builtIns = worksheets.library(new LibraryQuery(null, null, null, null, Source.BUILT_IN, false));
            assertThat(builtIns).extracting(LibraryEntry::id).containsExactlyInAnyOrderElementsOf(slugs);
            assertThat(builtIns).allSatisfy(e -> {
                assertThat(e.builtIn()).isTrue();
                assertThat(e.published()).isTrue();
                assertThat(e.hasDraft()).isFalse();
            });
            WorksheetDetail detail = worksheets.builtIn("thought-record", null);
            assertThat(detail.builtIn()).isTrue();
            assertThat(detail.state()).isEqualTo(VersionState.PUBLISHED);
            assertThat(detail.canEdit()).isFalse();
            assertThat(detail.canArchive()).isFalse();
            assertThat(detail.owner()).isFalse();
            assertThat(WorksheetJson.read(worksheets.export("thought-record", detail.number())))
                    .isEqualTo(detail.document());
            assertThat(worksheets.compare("thought-record", detail.number(), detail.number())).isEmpty();

            // there is no way to address a built-in as an editable template: only UUIDs of clinic templates
            assertNotFound(() -> worksheets.template(UUID.randomUUID(), null));
            assertNotFound(() -> worksheets.template(detail.versionId(), null));
            assertNotFound(() -> worksheets.openDraft(detail.versionId()));
            assertNotFound(() -> worksheets.saveDraft(detail.versionId(), 0, detail.document()));
            assertNotFound(() -> worksheets.publish(detail.versionId(), 0, detail.document(), Sharing.CLINIC));
            assertNotFound(() -> worksheets.archive(detail.versionId()));
            assertNotFound(() -> worksheets.openDraft(UUID.randomUUID()));
        }
    }

    @Test
    void duplicating_a_shared_template_makes_a_private_copy_for_the_colleague() {
        UUID id = publishedBy(owner, sleepDiary("Shared sleep diary"), Sharing.CLINIC);
        colleague.signIn();

        UUID copy = worksheets.duplicate(id, 1);

        WorksheetDetail detail = worksheets.template(copy, null);
        assertThat(copy).isNotEqualTo(id);
        assertThat(detail.owner()).isTrue();
        assertThat(detail.sharing()).isEqualTo(Sharing.PRIVATE);
        assertThat(detail.state()).isEqualTo(VersionState.DRAFT);
        assertThat(detail.number()).isEqualTo(1);
        assertThat(detail.document()).isEqualTo(sleepDiary("Shared sleep diary"));
        Draft draft = worksheets.openDraft(copy);
        worksheets.saveDraft(copy, draft.lock(), sleepDiary("My own version"));

        owner.signIn();
        assertNotFound(() -> worksheets.template(copy, null));
        assertThat(worksheets.template(id, null).document()).isEqualTo(sleepDiary("Shared sleep diary"));
        assertThat(worksheets.template(id, null).versions()).hasSize(1);
    }

    // ------------------------------------------------------------------ library filters

    @Test
    void text_search_matches_words_in_title_description_tags_and_field_labels_ignoring_case() {
        UUID quokka = publishedBy(owner, new WorksheetDocument("Evening wind-down", "Zanzibar routine for calm nights",
                "It helps.", WorksheetCategory.RELAXATION, List.of("nocturne"), 10, 1, "en", List.of(
                new ShortText("moment", "Your quokka moment", "", true, null)), null), Sharing.PRIVATE);
        UUID other = publishedBy(owner, sleepDiary("Sleep diary"), Sharing.PRIVATE);
        owner.signIn();

        assertThat(search("evening")).containsExactly(quokka.toString());
        assertThat(search("WIND-DOWN")).containsExactly(quokka.toString());
        assertThat(search("zanzibar")).as("description").containsExactly(quokka.toString());
        assertThat(search("Nocturne")).as("tag").containsExactly(quokka.toString());
        assertThat(search("QUOKKA")).as("field label").containsExactly(quokka.toString());
        assertThat(search("  quokka   zanzibar ")).as("every word must match").containsExactly(quokka.toString());
        assertThat(search("quokka sleep")).isEmpty();
        assertThat(search("did you wake")).as("a label of the other worksheet").containsExactly(other.toString());
        assertThat(search("")).containsExactlyInAnyOrder(quokka.toString(), other.toString());
        assertThat(worksheets.library(new LibraryQuery("EVIDENCE Balanced", null, null, null, Source.BUILT_IN, false)))
                .extracting(LibraryEntry::id).contains("thought-record").doesNotContain("phq-9");
    }

    @Test
    void library_filters_by_category_tag_and_difficulty() {
        UUID sleep = publishedBy(owner, sleepDiary("Sleep diary"), Sharing.PRIVATE); // SLEEP, [sleep, diary], 1
        UUID worry = publishedBy(owner, new WorksheetDocument("Worry time", "Park the worries.", "It helps.",
                WorksheetCategory.WORRY, List.of("worry", "diary"), 20, 3, "en", List.of(
                new ShortText("worry", "What are you worried about?", "", true, null)), null), Sharing.PRIVATE);
        owner.signIn();

        assertThat(ids(new LibraryQuery(null, WorksheetCategory.SLEEP, null, null, Source.MINE, false)))
                .containsExactly(sleep.toString());
        assertThat(ids(new LibraryQuery(null, WorksheetCategory.WORRY, null, null, null, false)))
                .contains(worry.toString()).doesNotContain(sleep.toString());
        assertThat(worksheets.library(new LibraryQuery(null, WorksheetCategory.MEASURES, null, null, null, false)))
                .extracting(LibraryEntry::id).contains("phq-9").doesNotContain("thought-record", sleep.toString());
        assertThat(worksheets.library(new LibraryQuery(null, WorksheetCategory.MEASURES, null, null, null, false)))
                .extracting(LibraryEntry::category).containsOnly(WorksheetCategory.MEASURES);

        assertThat(ids(new LibraryQuery(null, null, "diary", null, Source.MINE, false)))
                .containsExactlyInAnyOrder(sleep.toString(), worry.toString());
        assertThat(ids(new LibraryQuery(null, null, "worry", null, null, false)))
                .contains(worry.toString()).doesNotContain(sleep.toString());
        assertThat(ids(new LibraryQuery(null, null, "", null, Source.MINE, false))).as("a blank tag is no filter")
                .hasSize(2);

        assertThat(ids(new LibraryQuery(null, null, null, 3, Source.MINE, false))).containsExactly(worry.toString());
        assertThat(worksheets.library(new LibraryQuery(null, null, null, 1, null, false)))
                .extracting(LibraryEntry::difficulty).containsOnly(1);
        assertThat(ids(new LibraryQuery(null, null, null, 1, null, false)))
                .contains(sleep.toString(), "phq-9").doesNotContain(worry.toString());

        assertThat(ids(new LibraryQuery("diary", WorksheetCategory.SLEEP, "diary", 1, Source.MINE, false)))
                .as("filters combine").containsExactly(sleep.toString());
        assertThat(worksheets.tags()).contains("sleep", "diary", "worry", "cbt").doesNotHaveDuplicates().isSorted();
    }

    @Test
    void library_filters_by_source_built_in_clinic_and_mine() {
        UUID minePrivate = publishedBy(owner, sleepDiary("Mine, private"), Sharing.PRIVATE);
        UUID mineDraft = draftBy(owner, "Mine, a draft");
        UUID theirsShared = publishedBy(colleague, sleepDiary("Theirs, shared"), Sharing.CLINIC);
        UUID theirsPrivate = publishedBy(colleague, sleepDiary("Theirs, private"), Sharing.PRIVATE);
        owner.signIn();

        List<LibraryEntry> builtIns = worksheets.library(new LibraryQuery(null, null, null, null, Source.BUILT_IN, false));
        assertThat(builtIns).isNotEmpty().allMatch(LibraryEntry::builtIn);
        assertThat(builtIns).extracting(LibraryEntry::id).contains("thought-record", "phq-9");

        assertThat(ids(new LibraryQuery(null, null, null, null, Source.MINE, false)))
                .containsExactlyInAnyOrder(minePrivate.toString(), mineDraft.toString());

        List<LibraryEntry> clinicShared = worksheets.library(new LibraryQuery(null, null, null, null, Source.CLINIC, false));
        assertThat(clinicShared).extracting(LibraryEntry::id).contains(theirsShared.toString())
                .doesNotContain(minePrivate.toString(), mineDraft.toString(), theirsPrivate.toString(),
                        "thought-record", "phq-9");
        assertThat(clinicShared).allMatch(e -> e.sharing() == Sharing.CLINIC);

        assertThat(ids(LibraryQuery.ALL)).contains(minePrivate.toString(), mineDraft.toString(),
                theirsShared.toString(), "thought-record", "phq-9").doesNotContain(theirsPrivate.toString());
        assertThat(worksheets.library(LibraryQuery.ALL)).extracting(e -> e.title().toLowerCase(Locale.ROOT))
                .as("sorted by title").isSorted();
    }

    @Test
    void tags_lists_the_tags_in_use_in_what_the_person_sees() {
        publishedBy(owner, new WorksheetDocument("Tagged", "", "It helps.", WorksheetCategory.OTHER,
                List.of("owners-own-tag"), 5, 1, "en", List.of(new ShortText("a", "A", "", false, null)), null),
                Sharing.PRIVATE);
        publishedBy(colleague, new WorksheetDocument("Shared tagged", "", "It helps.", WorksheetCategory.OTHER,
                List.of("shared-tag"), 5, 1, "en", List.of(new ShortText("a", "A", "", false, null)), null),
                Sharing.CLINIC);
        colleague.signIn();

        assertThat(worksheets.tags()).contains("shared-tag", "cbt", "depression").doesNotContain("owners-own-tag");
    }

    @Test
    void a_tag_with_a_comma_is_refused_so_the_library_never_splits_it() {
        // tags are stored comma-joined for the library, and the builder separates tags with commas
        WorksheetDocument document = new WorksheetDocument("Commas", "", "It helps.", WorksheetCategory.OTHER,
                List.of("sleep, rest"), 5, 1, "en", List.of(new ShortText("a", "A", "", false, null)), null);
        owner.signIn();
        UUID id = worksheets.create("Commas");
        Draft draft = worksheets.openDraft(id);

        assertRefused(() -> worksheets.saveDraft(id, draft.lock(), document), "worksheet.problem.tags");
        assertThat(worksheets.openDraft(id).document().tags()).isEmpty();
    }

    // ------------------------------------------------------------------ import

    @Test
    void importing_a_valid_document_makes_a_private_draft() {
        owner.signIn();

        UUID id = worksheets.importDocument(WorksheetJson.write(sleepDiary("Imported sleep diary")));

        WorksheetDetail detail = worksheets.template(id, null);
        assertThat(detail.document()).isEqualTo(sleepDiary("Imported sleep diary"));
        assertThat(detail.state()).isEqualTo(VersionState.DRAFT);
        assertThat(detail.sharing()).isEqualTo(Sharing.PRIVATE);
        assertThat(detail.owner()).isTrue();
        colleague.signIn();
        assertNotFound(() -> worksheets.template(id, null));
    }

    @Test
    void importing_hostile_json_is_refused_as_an_invalid_document() {
        owner.signIn();
        String valid = WorksheetJson.write(sleepDiary("Sleep diary"));
        List<String> hostile = List.of(
                "",
                "not json at all",
                "null",
                "[]",
                "\"a string\"",
                "{\"title\": \"x\"",
                "{\"title\": \"x\", \"admin\": true}",
                "{\"title\": \"x\", \"@class\": \"java.lang.ProcessBuilder\"}",
                "{\"title\": \"x\", \"fields\": [{\"type\": \"script\", \"key\": \"a\", \"label\": \"A\"}]}",
                "{\"title\": \"x\", \"fields\": [{\"type\": \"short-text\", \"key\": \"a\", \"onload\": \"alert(1)\"}]}",
                "{\"title\": \"x\", \"fields\": [{\"key\": \"a\", \"label\": \"no type\"}]}",
                "{\"title\": \"x\", \"fields\": [null]}",
                "{\"title\": \"x\", \"tags\": [null]}",
                "{\"title\": \"x\", \"fields\": {\"type\": \"short-text\"}}",
                "{\"title\": \"x\", \"minutes\": \"a few\"}",
                "{\"title\": \"x\", \"category\": \"NOT_A_CATEGORY\"}",
                "{\"title\": \"x\", \"difficulty\": 1" + "0".repeat(60) + "}",
                "{\"title\": \"x\", \"fields\": [{\"type\": \"table\", \"key\": \"t\", \"label\": \"T\", \"columns\": [null]}]}",
                "{\"title\": \"x\", \"rationale\": " + "[".repeat(40) + "]".repeat(40) + "}",
                "{\"title\": \"" + "x".repeat(WorksheetLimits.TEXT * 2 + 1) + "\"}",
                valid + " ".repeat(WorksheetLimits.DOCUMENT_CHARS));

        for (String json : hostile) {
            assertThatThrownBy(() -> worksheets.importDocument(json))
                    .as(json.length() > 120 ? json.substring(0, 120) + "…" : json)
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("worksheet.invalid-document"));
        }
        assertThat(mine()).isEmpty();
    }

    @Test
    void importing_a_document_over_the_limits_is_refused() {
        owner.signIn();
        WorksheetDocument base = sleepDiary("Sleep diary");
        List<Option> manyOptions = IntStream.rangeClosed(1, WorksheetLimits.CHOICES + 1)
                .mapToObj(i -> new Option("o" + i, "Option " + i, null)).toList();

        assertImportRefused(withFields(base, fields(WorksheetLimits.FIELDS + 1)), "worksheet.problem.too-many-fields");
        assertImportRefused(new WorksheetDocument("x".repeat(WorksheetLimits.TITLE + 1), "", "", null, null, 5, 1,
                "en", null, null), "worksheet.problem.title-too-long");
        assertImportRefused(withFields(base, List.of(new SingleChoice("many", "Pick", "", false, manyOptions))),
                "worksheet.problem.too-many-choices");
        assertImportRefused(withFields(base, List.of(new ShortText("long", "x".repeat(WorksheetLimits.LABEL + 1),
                "", false, null))), "worksheet.problem.label-too-long");
        assertImportRefused(withFields(base, List.of(new ShortText("Not A Key!", "Label", "", false, null))),
                "worksheet.problem.key");
        assertImportRefused(withFields(base, List.of(new ShortText("same", "One", "", false, null),
                new ShortText("same", "Two", "", false, null))), "worksheet.problem.duplicate-key");
        assertImportRefused(withFields(base, List.of(new RatingScale("r", "Rate", "", false, 0, 1_000_000, "", "", ""))),
                "worksheet.problem.rating-range");
        assertThat(mine()).isEmpty();

        UUID exactlyAtTheLimit = worksheets.importDocument(WorksheetJson.write(withFields(base,
                fields(WorksheetLimits.FIELDS))));
        assertThat(worksheets.template(exactlyAtTheLimit, null).document().fields()).hasSize(WorksheetLimits.FIELDS);
    }

    // ------------------------------------------------------------------ method security

    @Test
    void clients_are_refused_by_method_security() {
        UUID id = publishedBy(owner, sleepDiary("Shared sleep diary"), Sharing.CLINIC);
        client.signIn();

        for (ThrowingCallable call : everyMethod(id)) {
            assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class);
        }
        owner.signIn();
        assertThat(worksheets.template(id, null).number()).isEqualTo(1);
        assertThat(worksheets.template(id, null).archived()).isFalse();
        assertThat(mine()).extracting(LibraryEntry::id).containsExactly(id.toString());
    }

    @Test
    void anonymous_callers_are_refused_by_method_security() {
        UUID id = publishedBy(owner, sleepDiary("Shared sleep diary"), Sharing.CLINIC);
        SecurityContextHolder.clearContext();

        for (ThrowingCallable call : everyMethod(id)) {
            assertThatThrownBy(call).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }

        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new AnonymousAuthenticationToken("test", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        SecurityContextHolder.setContext(context);
        for (ThrowingCallable call : everyMethod(id)) {
            assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class);
        }
    }

    // ------------------------------------------------------------------ helpers

    private List<ThrowingCallable> everyMethod(UUID id) {
        WorksheetDocument document = sleepDiary("Taken over");
        return List.of(
                () -> worksheets.library(LibraryQuery.ALL),
                () -> worksheets.tags(),
                () -> worksheets.builtIn("thought-record", null),
                () -> worksheets.inLanguage("thought-record", "es"),
                () -> worksheets.template(id, null),
                () -> worksheets.compare(id.toString(), 1, 1),
                () -> worksheets.compare("thought-record", 1, 1),
                () -> worksheets.export(id.toString(), 1),
                () -> worksheets.export("thought-record", 1),
                () -> worksheets.create("Mine now"),
                () -> worksheets.importDocument(WorksheetJson.write(document)),
                () -> worksheets.copyBuiltIn("thought-record"),
                () -> worksheets.duplicate(id, 1),
                () -> worksheets.openDraft(id),
                () -> worksheets.saveDraft(id, 0, document),
                () -> worksheets.publish(id, 0, document, Sharing.CLINIC),
                () -> worksheets.discardDraft(id, 0),
                () -> worksheets.share(id, Sharing.PRIVATE),
                () -> worksheets.archive(id),
                () -> worksheets.restore(id));
    }

    /** A complete, publishable worksheet. */
    static WorksheetDocument sleepDiary(String title) {
        return new WorksheetDocument(title, "Notice how you sleep, night by night.",
                "Seeing the pattern over a week or two tells us what to change.", WorksheetCategory.SLEEP,
                List.of("sleep", "diary"), 5, 1, "en", List.of(
                new Instructions("how", "", "Fill this in each morning, before you check your phone."),
                new RatingScale("quality", "How well did you sleep?", "", true, 0, 10, "Very badly", "", "Very well"),
                new SingleChoice("woke", "Did you wake in the night?", "", false, List.of(
                        new Option("no", "No", null), new Option("once", "Once", null),
                        new Option("often", "More than once", null)))), null);
    }

    static WorksheetDocument withFields(WorksheetDocument document, List<Field> fields) {
        return document.withFields(fields);
    }

    static List<Field> fields(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> (Field) new ShortText("q" + i, "Question " + i, "", false, null)).toList();
    }

    private UUID draftBy(TestAccount author, String title) {
        author.signIn();
        return worksheets.create(title);
    }

    private UUID publishedBy(TestAccount author, WorksheetDocument document, Sharing sharing) {
        author.signIn();
        UUID id = worksheets.create(document.title());
        worksheets.publish(id, worksheets.openDraft(id).lock(), document, sharing);
        return id;
    }

    private LibraryEntry entry(LibraryQuery query, UUID id) {
        return worksheets.library(query).stream().filter(e -> e.id().equals(id.toString())).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not in the library"));
    }

    private List<LibraryEntry> mine() {
        return worksheets.library(new LibraryQuery(null, null, null, null, Source.MINE, false));
    }

    private List<String> ids(LibraryQuery query) {
        return worksheets.library(query).stream().map(LibraryEntry::id).toList();
    }

    private List<String> search(String text) {
        return ids(new LibraryQuery(text, null, null, null, Source.MINE, false));
    }

    private void assertImportRefused(WorksheetDocument document, String messageKey) {
        String json = WorksheetJson.write(document);
        assertRefused(() -> worksheets.importDocument(json), messageKey);
    }

    private static void assertRefused(ThrowingCallable call, String messageKey) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.messageKey()).isEqualTo(messageKey));
    }

    private static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(NotFoundException.class);
    }
}
