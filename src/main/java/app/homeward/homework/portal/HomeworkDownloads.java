package app.homeward.homework.portal;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditTrail;
import app.homeward.base.Links;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientService;
import app.homeward.homework.Assignment;
import app.homeward.homework.AssignmentRepository;
import app.homeward.homework.Entry;
import app.homeward.homework.EntryRepository;
import app.homeward.homework.HomeworkSettingsLookup;
import app.homeward.homework.Obstacle;
import app.homeward.homework.Occurrence;
import app.homeward.homework.OccurrenceRepository;
import app.homeward.mail.MailIdentities;
import app.homeward.security.CurrentUser;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the client downloads from the homework page: the homework card as a PDF and the assignment's coming
 * occurrences as a calendar file; each download is recorded in the audit trail. A client only ever reaches
 * their own occurrences and assignments: anyone else's is "not found".
 */
@Service
@PreAuthorize("hasRole('CLIENT')")
public class HomeworkDownloads {

    private final AssignmentRepository assignments;
    private final OccurrenceRepository occurrences;
    private final EntryRepository entries;
    private final ClientService clients;
    private final HomeworkSettingsLookup homeworkSettings;
    private final ClinicDirectory clinics;
    private final MyHomework myHomework;
    private final Links links;
    private final Messages messages;
    private final MailIdentities mailIdentities;
    private final Clock clock;
    private final AuditTrail audit;

    HomeworkDownloads(AssignmentRepository assignments, OccurrenceRepository occurrences, EntryRepository entries,
                      ClientService clients, HomeworkSettingsLookup homeworkSettings, ClinicDirectory clinics,
                      MyHomework myHomework, Links links, Messages messages, MailIdentities mailIdentities,
                      Clock clock, AuditTrail audit) {
        this.assignments = assignments;
        this.occurrences = occurrences;
        this.entries = entries;
        this.clients = clients;
        this.homeworkSettings = homeworkSettings;
        this.clinics = clinics;
        this.myHomework = myHomework;
        this.links = links;
        this.messages = messages;
        this.mailIdentities = mailIdentities;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The homework card of one of the client's occurrences as a PDF to save or print, with the page's texts
     * in the client's language; the download is recorded in the audit trail.
     */
    @Transactional(readOnly = true)
    public byte[] homeworkCardPdf(UUID occurrenceId, Map<String, String> labels, Map<Obstacle, String> obstacleNames,
                                  Locale locale) {
        ClientProfile me = clients.me();
        Occurrence occurrence = myHomework.mine(occurrenceId, me);
        Assignment assignment = assignments.findById(occurrence.getAssignmentId()).orElseThrow(NotFoundException::new);
        Entry entry = entries.findByOccurrenceId(occurrenceId).orElse(null);
        UUID clinicId = CurrentUser.require().clinicId();
        HomeworkCard card = HomeworkCard.of(assignment, occurrence, entry == null ? null : entry.getState(), clock.instant(),
                homeworkSettings.grace(clinicId));
        String clinicName = clinics.findById(clinicId).map(ClinicBranding::name).orElse("");
        audit.record(AuditEntry.of(AuditAction.HOMEWORK_CARD_DOWNLOADED).client(me.id())
                .object(AuditObject.OCCURRENCE, occurrenceId));
        return HomeworkCardPdf.render(card, clinicName, labels, obstacleNames, locale);
    }

    /**
     * The assignment's coming occurrences as an .ics file: "Homework" and the clinic's name (a discreet
     * clinic's neutral name, as in its emails), a link to the clinic's page, and nothing clinical.
     */
    @Transactional(readOnly = true)
    public String calendar(UUID assignmentId) {
        ClientProfile me = clients.me();
        Assignment assignment = assignments.findById(assignmentId).filter(a -> a.getClientId().equals(me.id()))
                .orElseThrow(NotFoundException::new);
        ClinicBranding clinic = clinics.findById(CurrentUser.require().clinicId()).orElseThrow(NotFoundException::new);
        // the calendar entry says the clinic's word for homework, as the portal does (decision 0046)
        Locale locale = homeworkSettings.of(clinic.id()).word().on(Messages.forLanguageTag(me.language()));
        Instant now = clock.instant();
        List<HomeworkCalendar.Slot> slots = occurrences.findByAssignmentIdOrderByDueAt(assignment.getId()).stream()
                .filter(o -> o.isOpen() && o.getDueAt().isAfter(now))
                .map(o -> new HomeworkCalendar.Slot(o.getId(), o.getDueAt())).toList();
        audit.record(AuditEntry.of(AuditAction.CALENDAR_DOWNLOADED).client(me.id())
                .object(AuditObject.ASSIGNMENT, assignment.getId()));
        String shownName = mailIdentities.shownName(clinic.id(), clinic.name(), locale);
        return HomeworkCalendar.render(messages.getTranslation("calendar.summary", locale, shownName),
                messages.getTranslation("calendar.description", locale, shownName),
                URI.create(links.clinicPage(clinic.slug())), slots);
    }

}
