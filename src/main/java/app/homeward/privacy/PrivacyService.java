package app.homeward.privacy;

import app.homeward.base.DomainException;
import app.homeward.base.HomeworkWords;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientProfile;
import app.homeward.client.ClientRecords;
import app.homeward.client.ClientService;
import app.homeward.homework.HomeworkRecords;
import app.homeward.reminder.ReminderRecords;
import app.homeward.security.AccountRecords;
import app.homeward.security.AccountService;
import app.homeward.security.AccountStatus;
import app.homeward.security.AccountSummary;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import java.util.stream.Collectors;

/**
 * Data rights of one client. The client downloads everything Homeward holds about them (PDF, ZIP of JSON
 * and FHIR) and asks for erasure; a clinic admin downloads a client's record and confirms erasure, which
 * happens once the clinic's retention period after the request has passed. A client reaches only their
 * own data; an admin only clients of their clinic (anything else is "not found").
 */
@Service
public class PrivacyService {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyService.class);
    /** The longest a clinic may keep records after erasure is requested: ten years. */
    public static final int MAX_KEEP_DAYS = 3650;

    private final ClientRecords clientRecords;
    private final HomeworkWords homeworkWords;
    private final ClientService clients;
    private final AccountRecords accountRecords;
    private final AccountService accounts;
    private final HomeworkRecords homework;
    private final ReminderRecords reminders;
    private final ClinicDirectory clinics;
    private final ErasureRequestRepository requests;
    private final DataRetentionRepository retention;
    private final Erasures erasures;
    private final PrivacyWakeUp wakeUp;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final Clock clock;

    PrivacyService(ClientRecords clientRecords, ClientService clients, AccountRecords accountRecords,
                   AccountService accounts, HomeworkRecords homework, ReminderRecords reminders, ClinicDirectory clinics,
                   ErasureRequestRepository requests, DataRetentionRepository retention, Erasures erasures,
                   PrivacyWakeUp wakeUp, ApplicationEventPublisher events, Messages messages, Clock clock,
                   HomeworkWords homeworkWords) {
        this.homeworkWords = homeworkWords;
        this.clientRecords = clientRecords;
        this.clients = clients;
        this.accountRecords = accountRecords;
        this.accounts = accounts;
        this.homework = homework;
        this.reminders = reminders;
        this.clinics = clinics;
        this.requests = requests;
        this.retention = retention;
        this.erasures = erasures;
        this.wakeUp = wakeUp;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** A file to download: its name, type and bytes. */
    public record Download(String fileName, String contentType, byte[] bytes) {
    }

    /** The client's data page: their erasure request, if any, and the clinic's retention period. */
    public record MyData(String displayName, Optional<ErasureView> erasure, int keepDays, ZoneId zone) {
    }

    // ---------------------------------------------------------------- the client

    @PreAuthorize("hasRole('CLIENT')")
    @Transactional(readOnly = true)
    public MyData mine() {
        ClientProfile me = clients.me();
        return new MyData(me.displayName(), latest(me.id()), keepDays(), me.timeZone());
    }

    @PreAuthorize("hasRole('CLIENT')")
    @Transactional(readOnly = true)
    public Download myPdf() {
        ClientRecord record = myRecord();
        return download(record, DataRightsEvent.EXPORT_PDF, "pdf");
    }

    @PreAuthorize("hasRole('CLIENT')")
    @Transactional(readOnly = true)
    public Download myZip() {
        ClientRecord record = myRecord();
        return download(record, DataRightsEvent.EXPORT_ZIP, "zip");
    }

    private ClientRecord myRecord() {
        ClientRecords.Details details = clientRecords.mine();
        return new ClientRecord(clinic(), details, accountRecords.mine(), homework.mine(), reminders.mine(),
                views(details.profile().id(), details.profile().displayName()), clock.instant());
    }

    /** The client asks for their account and data to be erased; their clinic admin confirms it. */
    @PreAuthorize("hasRole('CLIENT')")
    @Transactional
    public ErasureView requestErasure() {
        HomewardUser user = CurrentUser.require();
        ClientProfile me = clients.me();
        if (open(me.id()).isPresent()) {
            throw new DomainException("privacy.erasure.already");
        }
        ErasureRequest request = requests.save(new ErasureRequest(me.id(), user.accountId(), clock.instant()));
        events.publishEvent(new DataRightsEvent(user.clinicId(), user.accountId(), me.id(), request.getId(),
                DataRightsEvent.ERASURE_REQUESTED));
        LOG.info("erasure requested clinic={} client={} request={}", user.clinicId(), me.id(), request.getId());
        return view(request, me.displayName(), keepDays());
    }

    /** Until the admin confirms, the client may change their mind. */
    @PreAuthorize("hasRole('CLIENT')")
    @Transactional
    public void withdrawErasure() {
        HomewardUser user = CurrentUser.require();
        ClientProfile me = clients.me();
        ErasureRequest request = open(me.id()).orElseThrow(() -> new DomainException("privacy.erasure.none"));
        if (request.getState() != ErasureState.REQUESTED) {
            throw new DomainException("privacy.erasure.too-late");
        }
        request.withdraw(clock.instant());
        events.publishEvent(new DataRightsEvent(user.clinicId(), user.accountId(), me.id(), request.getId(),
                DataRightsEvent.ERASURE_WITHDRAWN));
    }

    // ---------------------------------------------------------------- the clinic admin

    /** A client's page of data rights: their name and their erasure request, if any. */
    public record ClientData(ClientProfile client, Optional<ErasureView> erasure, int keepDays) {
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public ClientData clientData(UUID clientId) {
        ClientProfile client = clients.profile(clientId);
        return new ClientData(client, latest(clientId), keepDays());
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public Download pdfOf(UUID clientId) {
        return download(recordOf(clientId), DataRightsEvent.EXPORT_PDF, "pdf");
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public Download zipOf(UUID clientId) {
        return download(recordOf(clientId), DataRightsEvent.EXPORT_ZIP, "zip");
    }

    private ClientRecord recordOf(UUID clientId) {
        ClientRecords.Details details = clientRecords.of(clientId);
        AccountSummary account = accountRecords.clientAccount(details.profile().accountId()).orElse(null);
        return new ClientRecord(clinic(), details, account, homework.of(clientId), reminders.of(clientId),
                views(clientId, details.profile().displayName()), clock.instant());
    }

    /** Every erasure request of the clinic, open ones first, then newest first. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public List<ErasureView> erasureRequests() {
        List<ErasureRequest> all = requests.findAllByOrderByRequestedAtDesc();
        Map<UUID, String> names = all.isEmpty() ? Map.of()
                : clients.accessibleAmong(all.stream().map(ErasureRequest::getClientId).distinct().toList()).stream()
                .collect(Collectors.toMap(ClientProfile::id, ClientProfile::displayName));
        int days = keepDays();
        return all.stream().map(r -> view(r, names.get(r.getClientId()), days))
                .sorted(Comparator.comparing((ErasureView v) -> !v.state().open())).toList();
    }

    /**
     * Confirms a client's erasure request. The client's access ends now (account deactivated, client archived,
     * so no more reminders); the data goes when the clinic's retention period after the request has passed —
     * at once when it already has.
     */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public ErasureView confirmErasure(UUID requestId) {
        HomewardUser me = CurrentUser.require();
        ErasureRequest request = requests.findById(requestId).orElseThrow(NotFoundException::new);
        ClientProfile client = clients.profile(request.getClientId());
        if (request.getState() != ErasureState.REQUESTED) {
            throw new DomainException("privacy.erasure.not-open");
        }
        Instant now = clock.instant();
        int days = keepDays();
        request.confirm(me.accountId(), days, now);
        events.publishEvent(new DataRightsEvent(me.clinicId(), me.accountId(), client.id(), requestId,
                DataRightsEvent.ERASURE_CONFIRMED));
        LOG.info("erasure confirmed clinic={} client={} request={} keepDays={}", me.clinicId(), client.id(), requestId, days);
        if (!request.getEraseAt().isAfter(now)) {
            erasures.erase(requestId, me.accountId());
            return view(requests.findById(requestId).orElseThrow(), null, days);
        }
        if (!client.archived()) {
            clients.archive(client.id());
        }
        if (client.accountId() != null && accountRecords.clientAccount(client.accountId())
                .filter(a -> a.status() == AccountStatus.ACTIVE).isPresent()) {
            accounts.deactivate(client.accountId());
        }
        wakeUp.afterCommit(me.clinicId(), request.getEraseAt());
        return view(request, client.displayName(), days);
    }

    /** The clinic's rule: how many days records are kept after a client asks for erasure (0: none). */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public int retentionDays() {
        return keepDays();
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public int changeRetention(Integer days) {
        if (days == null || days < 0 || days > MAX_KEEP_DAYS) {
            throw new DomainException("keepDays", "privacy.retention.range", 0, MAX_KEEP_DAYS);
        }
        Instant now = clock.instant();
        retention.findFirstBy().ifPresentOrElse(r -> r.change(days, now), () -> retention.save(new DataRetention(days, now)));
        HomewardUser me = CurrentUser.require();
        events.publishEvent(new DataRightsEvent(me.clinicId(), me.accountId(), null, null, DataRightsEvent.RETENTION_CHANGED));
        LOG.info("retention changed clinic={} keepDays={}", me.clinicId(), days);
        return days;
    }

    // ---------------------------------------------------------------- shared

    private int keepDays() {
        return retention.findFirstBy().map(DataRetention::getKeepDays).orElse(0);
    }

    private ClinicBranding clinic() {
        return clinics.findById(CurrentUser.require().clinicId()).orElseThrow(NotFoundException::new);
    }

    private Optional<ErasureRequest> open(UUID clientId) {
        return requests.findByClientIdOrderByRequestedAtDesc(clientId).stream().filter(r -> r.getState().open())
                .findFirst();
    }

    private Optional<ErasureView> latest(UUID clientId) {
        int days = keepDays();
        return requests.findByClientIdOrderByRequestedAtDesc(clientId).stream().findFirst()
                .map(r -> view(r, null, days));
    }

    private List<ErasureView> views(UUID clientId, String name) {
        int days = keepDays();
        return requests.findByClientIdOrderByRequestedAtDesc(clientId).stream().map(r -> view(r, name, days)).toList();
    }

    private ErasureView view(ErasureRequest r, String name, int currentKeepDays) {
        Instant eraseOn = r.getEraseAt();
        int days = r.getKeepDays() == null ? currentKeepDays : r.getKeepDays();
        if (eraseOn == null && r.getState() == ErasureState.REQUESTED) {
            // "on or after": never before the confirmation, which may come later
            eraseOn = r.getRequestedAt().plus(Duration.ofDays(days));
        }
        return new ErasureView(r.getId(), r.getClientId(), name, r.getState(), r.getRequestedAt(), r.getConfirmedAt(),
                days, eraseOn, r.getErasedAt(), r.getWithdrawnAt());
    }

    private Download download(ClientRecord record, String action, String kind) {
        HomewardUser user = CurrentUser.require();
        ClientProfile client = record.details().profile();
        // the client's own file: in their language, with their clinic's word for homework (decision 0046)
        Texts texts = new Texts(messages, homeworkWords.forClients(user.clinicId(), Messages.forLanguageTag(client.language())),
                client.timeZone());
        byte[] bytes = "pdf".equals(kind) ? RecordPdf.write(record, texts) : RecordZip.write(record, texts);
        events.publishEvent(new DataRightsEvent(user.clinicId(), user.accountId(), client.id(), null, action));
        LOG.info("record exported clinic={} client={} kind={}", user.clinicId(), client.id(), kind);
        String day = LocalDate.ofInstant(record.exportedAt(), client.timeZone()).toString();
        return new Download("homeward-record-" + day + "." + kind, "pdf".equals(kind) ? "application/pdf" : "application/zip",
                bytes);
    }

}
