package app.homeward.worksheet;

import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.security.Role;
import app.homeward.worksheet.LibraryQuery.Source;
import app.homeward.worksheet.WorksheetDetail.VersionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The worksheet library of a clinic: built-ins for everyone, the clinic's shared templates, and a
 * therapist's own. Drafts are editable; publishing freezes a version and editing again starts the
 * next one, so assigned versions never change meaning.
 *
 * <p>Who may do what: a private template belongs to its author alone. A template published to
 * the clinic is seen and edited (as a new draft version) by every therapist and admin of the
 * clinic; any clinic admin may archive it. Other clinics never see it (tenant filter), and an
 * invisible template is reported as not found, exactly like a missing one.
 */
@Service
@PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
public class WorksheetService {

    private static final Logger LOG = LoggerFactory.getLogger(WorksheetService.class);

    private final WorksheetTemplateRepository templates;
    private final WorksheetVersionRepository versions;
    private final BuiltInWorksheetRepository builtIns;
    private final Clock clock;

    WorksheetService(WorksheetTemplateRepository templates, WorksheetVersionRepository versions,
                     BuiltInWorksheetRepository builtIns, Clock clock) {
        this.templates = templates;
        this.versions = versions;
        this.builtIns = builtIns;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- library

    @Transactional(readOnly = true)
    public List<LibraryEntry> library(LibraryQuery query) {
        HomewardUser me = CurrentUser.require();
        List<LibraryEntry> entries = new ArrayList<>();
        if (query.source() == null || query.source() == Source.BUILT_IN) {
            for (BuiltInWorksheet builtIn : builtIns.findLatest()) {
                WorksheetDocument d = WorksheetJson.read(builtIn.getDocument());
                LibraryEntry entry = new LibraryEntry(builtIn.getSlug(), Source.BUILT_IN, d.title(), d.description(),
                        d.category(), d.tags(), d.minutes(), d.difficulty(), d.language(), false, true, null, false,
                        null, null);
                if (!query.archived() && matches(query, entry, d.searchText())) {
                    entries.add(entry);
                }
            }
        }
        if (query.source() != Source.BUILT_IN) {
            for (WorksheetTemplate t : templates.findVisibleTo(me.accountId(), query.archived())) {
                boolean mine = t.getOwnerId().equals(me.accountId());
                if (query.source() == Source.MINE && !mine || query.archived() && !t.isArchived()) {
                    continue;
                }
                LibraryEntry entry = new LibraryEntry(t.getId().toString(), mine ? Source.MINE : Source.CLINIC,
                        t.getTitle(), t.getDescription(), t.getCategory(), t.getTags(), t.getMinutes(),
                        t.getDifficulty(), t.getLanguage(), t.hasDraft(), t.getPublishedNumber() != null,
                        t.getSharing(), t.isArchived(), t.getForkedFromSlug(), t.getUpdatedAt());
                if (query.source() != Source.CLINIC || t.getSharing() == Sharing.CLINIC) {
                    if (matches(query, entry, t.getSearchText())) {
                        entries.add(entry);
                    }
                }
            }
        }
        entries.sort(Comparator.comparing((LibraryEntry e) -> e.title().toLowerCase(Locale.ROOT)));
        return entries;
    }

    /** The curated packs of built-ins (worry, low mood, sleep, exposure), to browse and assign from. */
    public List<Pack> packs() {
        return PACKS.get();
    }

    private static final Supplier<List<Pack>> PACKS =
            SingletonSupplier.of(BuiltInLibrary::packs);

    /** Every tag in use in the library the current person sees, for the tag filter. */
    @Transactional(readOnly = true)
    public List<String> tags() {
        TreeSet<String> tags = new TreeSet<>();
        library(LibraryQuery.ALL).forEach(e -> tags.addAll(e.tags()));
        return List.copyOf(tags);
    }

    private static boolean matches(LibraryQuery query, LibraryEntry entry, String searchText) {
        if (query.category() != null && entry.category() != query.category()) {
            return false;
        }
        if (query.difficulty() != null && entry.difficulty() != query.difficulty()) {
            return false;
        }
        if (query.tag() != null && !query.tag().isBlank() && !entry.tags().contains(query.tag())) {
            return false;
        }
        if (query.text() == null || query.text().isBlank()) {
            return true;
        }
        String haystack = searchText.toLowerCase(Locale.ROOT);
        for (String word : query.text().toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public WorksheetDetail builtIn(String slug, Integer number) {
        BuiltInWorksheet builtIn = (number == null ? builtIns.findFirstBySlugOrderByNumberDesc(slug)
                : builtIns.findBySlugAndNumber(slug, number)).orElseThrow(NotFoundException::new);
        int latest = builtIns.findFirstBySlugOrderByNumberDesc(slug).map(BuiltInWorksheet::getNumber).orElse(1);
        List<VersionSummary> all = new ArrayList<>();
        for (int n = latest; n >= 1; n--) {
            all.add(new VersionSummary(n, VersionState.PUBLISHED, null, null));
        }
        return new WorksheetDetail(slug, Source.BUILT_IN, builtIn.getNumber(), VersionState.PUBLISHED,
                WorksheetJson.read(builtIn.getDocument()), builtIn.getId(), all, null, false, false, false, false,
                null, null);
    }

    /**
     * A clinic template at one version (null: the latest published one, or the draft if it was
     * never published).
     */
    @Transactional(readOnly = true)
    public WorksheetDetail template(UUID templateId, Integer number) {
        HomewardUser me = CurrentUser.require();
        WorksheetTemplate template = visible(templateId, me);
        int shown = number != null ? number
                : template.getPublishedNumber() != null ? template.getPublishedNumber() : template.getLatestNumber();
        WorksheetVersion version = versions.findByTemplateIdAndNumber(templateId, shown)
                .orElseThrow(NotFoundException::new);
        List<VersionSummary> all = versions.findByTemplateIdOrderByNumberDesc(templateId).stream()
                .map(v -> new VersionSummary(v.getNumber(), v.getState(), v.getEditedAt(), v.getPublishedAt()))
                .toList();
        boolean owner = template.getOwnerId().equals(me.accountId());
        return new WorksheetDetail(template.getId().toString(), owner ? Source.MINE : Source.CLINIC,
                version.getNumber(), version.getState(), WorksheetJson.read(version.getDocument()), version.getId(),
                all, template.getSharing(), template.isArchived(), canEdit(template, me) && !template.isArchived(),
                canArchive(template, me), owner, template.getForkedFromSlug(), template.getForkedFromNumber());
    }

    /** What changed from version {@code from} to version {@code to} of one template (or built-in). */
    @Transactional(readOnly = true)
    public List<VersionDiff.Change> compare(String id, int from, int to) {
        WorksheetDocument before;
        WorksheetDocument after;
        UUID templateId = asUuid(id);
        if (templateId == null) {
            before = builtIn(id, from).document();
            after = builtIn(id, to).document();
        } else {
            visible(templateId, CurrentUser.require());
            before = document(templateId, from);
            after = document(templateId, to);
        }
        return VersionDiff.compare(before, after);
    }

    /** The document of one version as JSON, for export (and import into another clinic). */
    @Transactional(readOnly = true)
    public String export(String id, int number) {
        UUID templateId = asUuid(id);
        if (templateId == null) {
            return WorksheetJson.write(builtIn(id, number).document());
        }
        visible(templateId, CurrentUser.require());
        return WorksheetJson.write(document(templateId, number));
    }

    private WorksheetDocument document(UUID templateId, int number) {
        return versions.findByTemplateIdAndNumber(templateId, number).map(v -> WorksheetJson.read(v.getDocument()))
                .orElseThrow(NotFoundException::new);
    }

    /** The latest published version of a library worksheet (a built-in's slug or a template id), to assign it. */
    @Transactional(readOnly = true)
    public PublishedWorksheet latestPublished(String id) {
        UUID templateId = asUuid(id);
        if (templateId == null) {
            BuiltInWorksheet builtIn = builtIns.findFirstBySlugOrderByNumberDesc(id).orElseThrow(NotFoundException::new);
            return new PublishedWorksheet(builtIn.getId(), true, WorksheetJson.read(builtIn.getDocument()));
        }
        WorksheetTemplate template = visible(templateId, CurrentUser.require());
        if (template.getPublishedNumber() == null || template.isArchived()) {
            throw new DomainException("worksheet", "worksheet.not-published");
        }
        WorksheetVersion version = versions.findByTemplateIdAndNumber(templateId, template.getPublishedNumber())
                .orElseThrow(NotFoundException::new);
        return new PublishedWorksheet(version.getId(), false, WorksheetJson.read(version.getDocument()));
    }

    /**
     * The library worksheet to offer someone who reads {@code language}: for a built-in (its original slug
     * or any translation's), the slug of its version in that language when one ships, else the original's
     * slug; a clinic template's id comes back unchanged, since a template is written in one language.
     * Unknown built-ins are not found, like everywhere else.
     */
    @Transactional(readOnly = true)
    public String inLanguage(String slugOrId, String language) {
        if (asUuid(slugOrId) != null) {
            return slugOrId;
        }
        builtIns.findFirstBySlugOrderByNumberDesc(slugOrId).orElseThrow(NotFoundException::new);
        String original = ORIGINALS.get().getOrDefault(slugOrId, slugOrId);
        String translated = original + "-" + language;
        if (language != null && ORIGINALS.get().containsKey(translated)) {
            return translated;
        }
        return original;
    }

    /** Translation slug → original slug, from the shipped files (their folders are the link, decision 0035). */
    private static final Supplier<Map<String, String>> ORIGINALS =
            SingletonSupplier.of(() -> BuiltInLibrary.read().stream()
                    .filter(w -> w.translationOf() != null)
                    .collect(Collectors.toUnmodifiableMap(BuiltInLibrary.ShippedWorksheet::slug,
                            BuiltInLibrary.ShippedWorksheet::translationOf)));

    /** A built-in's latest version for the tenants/ import, which runs with nobody signed in. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public PublishedWorksheet builtInForImport(String slug) {
        BuiltInWorksheet builtIn = builtIns.findFirstBySlugOrderByNumberDesc(slug).orElseThrow(NotFoundException::new);
        return new PublishedWorksheet(builtIn.getId(), true, WorksheetJson.read(builtIn.getDocument()));
    }

    // ---------------------------------------------------------------- making and editing

    /** A new, empty private worksheet; returns its id (open the draft to edit it). */
    @Transactional
    public UUID create(String title) {
        HomewardUser me = CurrentUser.require();
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty()) {
            throw new DomainException("title", "validation.required");
        }
        WorksheetDocument document = WorksheetDocument.blank(clean, me.locale().getLanguage());
        if (clean.length() > WorksheetLimits.TITLE) {
            throw new DomainException("title", "worksheet.problem.title-too-long", WorksheetLimits.TITLE);
        }
        return start(document, me, null, 0).getId();
    }

    /** Imports a worksheet document (JSON) as a new private draft; hostile or broken documents are refused. */
    @Transactional
    public UUID importDocument(String json) {
        HomewardUser me = CurrentUser.require();
        WorksheetDocument document = WorksheetJson.read(json);
        if (WorksheetJson.containsUnsafeText(document)) {
            // refused, not cleaned: the file is someone else's words, and silently changing them would import a
            // worksheet that differs from the one its author checked
            throw new DomainException("worksheet.problem.unsafe-characters");
        }
        List<FieldProblem> problems = document.problems(false);
        if (!problems.isEmpty()) {
            FieldProblem first = problems.getFirst();
            throw new DomainException(null, first.messageKey(), first.arguments());
        }
        return start(document, me, null, 0).getId();
    }

    /** "Copy to my clinic": an editable private draft that remembers which built-in it came from. */
    @Transactional
    public UUID copyBuiltIn(String slug) {
        HomewardUser me = CurrentUser.require();
        BuiltInWorksheet builtIn = builtIns.findFirstBySlugOrderByNumberDesc(slug).orElseThrow(NotFoundException::new);
        WorksheetTemplate template = start(WorksheetJson.read(builtIn.getDocument()), me, slug, builtIn.getNumber());
        LOG.info("built-in copied clinic={} template={}", me.clinicId(), template.getId());
        return template.getId();
    }

    /** A private copy of a clinic template's shown version, for the current person to change freely. */
    @Transactional
    public UUID duplicate(UUID templateId, int number) {
        HomewardUser me = CurrentUser.require();
        WorksheetTemplate source = visible(templateId, me);
        WorksheetDocument document = document(templateId, number);
        WorksheetTemplate copy = start(document, me, source.getForkedFromSlug(),
                source.getForkedFromNumber() == null ? 0 : source.getForkedFromNumber());
        return copy.getId();
    }

    private WorksheetTemplate start(WorksheetDocument document, HomewardUser me, String forkedFrom, int forkedNumber) {
        Instant now = clock.instant();
        WorksheetTemplate template = new WorksheetTemplate(me.accountId(), document, now);
        if (forkedFrom != null) {
            template.forkedFrom(forkedFrom, forkedNumber);
        }
        template.newVersion(1, now);
        template = templates.save(template);
        versions.save(new WorksheetVersion(template.getId(), 1, WorksheetJson.write(document), me.accountId(), now));
        return template;
    }

    /**
     * The draft to edit: the open draft if there is one, else a new version copied from the
     * latest published one.
     */
    @Transactional
    public Draft openDraft(UUID templateId) {
        HomewardUser me = CurrentUser.require();
        WorksheetTemplate template = editable(templateId, me);
        WorksheetVersion latest = versions.findByTemplateIdAndNumber(templateId, template.getLatestNumber())
                .orElseThrow(NotFoundException::new);
        if (!latest.isDraft()) {
            Instant now = clock.instant();
            int next = latest.getNumber() + 1;
            template.newVersion(next, now);
            template = flush(template);
            latest = versions.saveAndFlush(new WorksheetVersion(templateId, next, latest.getDocument(),
                    me.accountId(), now));
        }
        return draftOf(template, latest, me);
    }

    /**
     * Saves the draft. {@code lock} is what {@link #openDraft} or the last save returned; if someone
     * saved in between, nothing is written and the editor is told (worksheet.changed-elsewhere).
     */
    @Transactional
    public Draft saveDraft(UUID templateId, long lock, WorksheetDocument document) {
        HomewardUser me = CurrentUser.require();
        WorksheetTemplate template = editable(templateId, me);
        WorksheetVersion draft = currentDraft(template, lock);
        requireStorable(document);
        Instant now = clock.instant();
        draft.edit(WorksheetJson.write(document), me.accountId(), now);
        if (template.getPublishedNumber() == null) {
            template.describe(document, now);
        } else {
            template.touch(now);
        }
        versions.save(draft);
        return draftOf(flush(template), draft, me);
    }

    /**
     * Saves and publishes the draft, freezing it. Everything must pass: labels, options, keys,
     * scoring references. The problems come back as one {@link WorksheetProblems} exception so
     * the builder can show each at its field.
     */
    @Transactional
    public void publish(UUID templateId, long lock, WorksheetDocument document, Sharing sharing) {
        HomewardUser me = CurrentUser.require();
        WorksheetTemplate template = editable(templateId, me);
        WorksheetVersion draft = currentDraft(template, lock);
        List<FieldProblem> problems = document.problems(true);
        if (!problems.isEmpty()) {
            throw new WorksheetProblems(problems);
        }
        Instant now = clock.instant();
        draft.edit(WorksheetJson.write(document), me.accountId(), now);
        draft.publish(now);
        // a colleague editing a shared template cannot make it private for everyone else
        Sharing newSharing = template.getOwnerId().equals(me.accountId()) ? Objects.requireNonNull(sharing)
                : template.getSharing();
        template.describe(document, now);
        template.published(draft.getNumber(), newSharing, now);
        versions.save(draft);
        flush(template);
        LOG.info("worksheet published clinic={} template={} number={}", me.clinicId(), templateId, draft.getNumber());
    }

    /** Throws the draft away; a never-published template goes with it. */
    @Transactional
    public void discardDraft(UUID templateId, long lock) {
        HomewardUser me = CurrentUser.require();
        WorksheetTemplate template = editable(templateId, me);
        WorksheetVersion draft = currentDraft(template, lock);
        versions.delete(draft);
        versions.flush();
        if (template.getPublishedNumber() == null) {
            templates.delete(template);
        } else {
            template.newVersion(template.getPublishedNumber(), clock.instant());
        }
    }

    /** Only the author decides whether their template is shared with the clinic. */
    @Transactional
    public void share(UUID templateId, Sharing sharing) {
        HomewardUser me = CurrentUser.require();
        WorksheetTemplate template = visible(templateId, me);
        if (!template.getOwnerId().equals(me.accountId())) {
            throw new NotFoundException();
        }
        if (sharing == Sharing.CLINIC && template.getPublishedNumber() == null) {
            throw new DomainException("worksheet.publish-first");
        }
        template.share(Objects.requireNonNull(sharing), clock.instant());
    }

    @Transactional
    public void archive(UUID templateId) {
        HomewardUser me = CurrentUser.require();
        WorksheetTemplate template = visible(templateId, me);
        if (!canArchive(template, me)) {
            throw new NotFoundException();
        }
        template.archive(clock.instant());
        LOG.info("worksheet archived clinic={} template={}", me.clinicId(), templateId);
    }

    @Transactional
    public void restore(UUID templateId) {
        HomewardUser me = CurrentUser.require();
        WorksheetTemplate template = visible(templateId, me);
        if (!canArchive(template, me)) {
            throw new NotFoundException();
        }
        template.restore(clock.instant());
    }

    // ---------------------------------------------------------------- rules

    private WorksheetTemplate visible(UUID templateId, HomewardUser me) {
        WorksheetTemplate template = templates.findById(templateId).orElseThrow(NotFoundException::new);
        boolean mine = template.getOwnerId().equals(me.accountId());
        boolean shared = template.getSharing() == Sharing.CLINIC && template.getPublishedNumber() != null;
        if (!mine && !shared) {
            throw new NotFoundException();
        }
        return template;
    }

    private WorksheetTemplate editable(UUID templateId, HomewardUser me) {
        WorksheetTemplate template = visible(templateId, me);
        if (template.isArchived()) {
            throw new DomainException("worksheet.archived-edit");
        }
        return template;
    }

    private static boolean canEdit(WorksheetTemplate template, HomewardUser me) {
        return template.getOwnerId().equals(me.accountId())
                || template.getSharing() == Sharing.CLINIC && template.getPublishedNumber() != null;
    }

    private static boolean canArchive(WorksheetTemplate template, HomewardUser me) {
        return template.getOwnerId().equals(me.accountId())
                || me.role() == Role.CLINIC_ADMIN && template.getSharing() == Sharing.CLINIC;
    }

    /**
     * The open draft, if {@code lock} is still current. The lock is the template row's version,
     * which moves on every save, every new version and every publish: a copy opened before a
     * colleague published (and opened the next draft) is stale too, not only one of the same draft.
     */
    private WorksheetVersion currentDraft(WorksheetTemplate template, long lock) {
        if (!Objects.equals(template.getLockVersion(), lock)) {
            throw new DomainException("worksheet.changed-elsewhere");
        }
        return versions.findByTemplateIdAndNumber(template.getId(), template.getLatestNumber())
                .filter(WorksheetVersion::isDraft)
                .orElseThrow(() -> new DomainException("worksheet.changed-elsewhere"));
    }

    /** Writes now, so a concurrent save of the same template fails here (optimistic lock) and is told so. */
    private WorksheetTemplate flush(WorksheetTemplate template) {
        try {
            return templates.saveAndFlush(template);
        } catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException raced) {
            throw new DomainException("worksheet.changed-elsewhere");
        }
    }

    private static void requireStorable(WorksheetDocument document) {
        List<FieldProblem> problems = document.problems(false);
        if (!problems.isEmpty()) {
            throw new WorksheetProblems(problems);
        }
    }

    private static Draft draftOf(WorksheetTemplate template, WorksheetVersion draft, HomewardUser me) {
        return new Draft(template.getId(), draft.getNumber(), template.getLockVersion(),
                WorksheetJson.read(draft.getDocument()), template.getSharing(), template.getPublishedNumber() != null,
                template.getOwnerId().equals(me.accountId()));
    }

    private static UUID asUuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
