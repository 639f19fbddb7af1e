package app.homeward.client;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditOutcome;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.EmailAddress;
import app.homeward.base.NotFoundException;
import app.homeward.base.Text;
import app.homeward.security.AccountDirectory;
import app.homeward.security.AccountService;
import app.homeward.security.CurrentUser;
import app.homeward.security.HomewardUser;
import app.homeward.security.InvitationService;
import app.homeward.security.InvitationService.InvitationAccepted;
import app.homeward.security.Role;
import app.homeward.tenancy.CurrentClinic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The caseload. A therapist sees and changes their own clients; a clinic admin sees all clients of
 * the clinic and can reassign them. A client outside one's caseload is "not found", exactly like
 * a missing one. Archived clients are read-only.
 */
@Service
public class ClientService {

    private static final Logger LOG = LoggerFactory.getLogger(ClientService.class);
    static final Set<String> LANGUAGES = Set.of("en", "es");

    private final ClientRepository clients;
    private final ClientGoalRepository goals;
    private final InvitationService invitations;
    private final AccountService accounts;
    private final AccountDirectory directory;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    ClientService(ClientRepository clients, ClientGoalRepository goals, InvitationService invitations,
                  AccountService accounts, AccountDirectory directory, Clock clock,
                  ApplicationEventPublisher events, AuditTrail audit) {
        this.events = events;
        this.audit = audit;
        this.directory = directory;
        this.clients = clients;
        this.goals = goals;
        this.invitations = invitations;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Adds a client to the current therapist's caseload and emails the invitation. */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional
    public ClientProfile add(NewClient input) {
        HomewardUser me = CurrentUser.require();
        String name = requireName(input.displayName());
        String email = EmailAddress.require("email", input.email());
        ZoneId zone = zone(input.timeZone());
        String language = language(input.language());
        if (clients.existsByEmail(email)) {
            throw new DomainException("email", "client.exists");
        }
        Client client = clients.save(new Client(me.accountId(), name, email, zone, language, clock.instant()));
        client.update(name, zone, language, nextSession(input.nextSession()), input.simplified());
        client.invited(invitations.inviteClient(email, name, language).id());
        audit.record(changed(AuditAction.CLIENT_ADDED, client.getId()));
        LOG.info("client added clinic={} client={}", me.clinicId(), client.getId());
        return ClientProfile.of(client);
    }

    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional
    public void resendInvitation(UUID clientId) {
        Client client = accessible(clientId);
        if (client.getStatus() != ClientStatus.INVITED || client.getInvitationId() == null) {
            throw new DomainException("client.already-joined");
        }
        invitations.resendClient(client.getInvitationId(), client.getLanguage());
    }

    /** A client the current staff member may see. */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public ClientProfile profile(UUID clientId) {
        return ClientProfile.of(accessible(clientId));
    }

    /**
     * A client the current staff member may see, for a page of another feature that shows part of their record
     * (adherence, measures, an entry, the delivery log): the look is recorded in the audit trail as
     * {@code action}, and a refused one as denied ("not-in-caseload") before it is not found.
     */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public ClientProfile viewed(UUID clientId, AuditAction action) {
        return viewed(clientId, action, AuditObject.CLIENT, clientId);
    }

    /** As {@link #viewed(UUID, AuditAction)}, the look recorded as one at {@code type} {@code objectId} of theirs. */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public ClientProfile viewed(UUID clientId, AuditAction action, AuditObject type, UUID objectId) {
        ClientProfile client = profileOrRefusal(clientId, action, type, objectId);
        audit.record(AuditEntry.of(action).client(clientId).object(type, objectId));
        return client;
    }

    /**
     * As {@link #viewed(UUID, AuditAction)}, but only a refused look is recorded here: the caller records the
     * look itself once it has what it came for (a downloaded report is recorded when the file is made).
     */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public ClientProfile profileOrRefusal(UUID clientId, AuditAction action) {
        return profileOrRefusal(clientId, action, AuditObject.CLIENT, clientId);
    }

    private ClientProfile profileOrRefusal(UUID clientId, AuditAction action, AuditObject type, UUID objectId) {
        try {
            return profile(clientId);
        } catch (NotFoundException refused) {
            audit.record(AuditEntry.of(action).outcome(AuditOutcome.DENIED).detail("not-in-caseload").object(type, objectId));
            throw refused;
        }
    }

    /**
     * Opens a client's record (the client page): as {@link #profile}, and the audit trail records who opened
     * it, or that they were refused. Call it once per page load; {@link #profile} for everything after.
     */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public ClientProfile open(UUID clientId) {
        Optional<Client> found = clients.findById(clientId);
        if (found.isEmpty() || !canSee(found.get(), CurrentUser.require())) {
            AuditEntry refused = AuditEntry.of(AuditAction.CLIENT_VIEWED).outcome(AuditOutcome.DENIED)
                    .detail("not-in-caseload").object(AuditObject.CLIENT, clientId);
            audit.record(found.isPresent() ? refused.client(clientId) : refused);
            throw new NotFoundException();
        }
        audit.record(AuditEntry.of(AuditAction.CLIENT_VIEWED).client(clientId).object(AuditObject.CLIENT, clientId));
        return ClientProfile.of(found.get());
    }

    /** The signed-in client's own record. */
    @PreAuthorize("hasRole('CLIENT')")
    @Transactional(readOnly = true)
    public ClientProfile me() {
        return clients.findByAccountId(CurrentUser.require().accountId()).map(ClientProfile::of)
                .orElseThrow(NotFoundException::new);
    }

    /**
     * The texts of the signed-in client's own goals among {@code goalIds} (goal id → text), for the cards
     * that say which goal a homework serves; a goal of anyone else is simply not there.
     */
    @PreAuthorize("hasRole('CLIENT')")
    @Transactional(readOnly = true)
    public Map<UUID, String> myGoalTexts(Collection<UUID> goalIds) {
        if (goalIds.isEmpty()) {
            return Map.of();
        }
        return goals.findOfAccount(CurrentUser.require().accountId(), goalIds).stream()
                .collect(Collectors.toMap(ClientGoal::getId, ClientGoal::getText));
    }

    /**
     * One page of the caseload: the therapist's clients, or every client of the clinic for an admin
     * (or for an admin's "mine only", pass {@code mineOnly}). Text matches name or email.
     */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public List<ClientProfile> caseload(String text, boolean archived, boolean mineOnly, int offset, int limit) {
        HomewardUser me = CurrentUser.require();
        UUID therapist = me.role() == Role.CLINIC_ADMIN && !mineOnly ? null : me.accountId();
        int size = Math.clamp(limit, 1, 500);
        return clients.findCaseload(therapist, archived, like(text),
                        new OffsetPage(Math.max(0, offset), size, Sort.by("displayName", "id")))
                .stream().map(ClientProfile::of).toList();
    }

    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public long countCaseload(String text, boolean archived, boolean mineOnly) {
        HomewardUser me = CurrentUser.require();
        UUID therapist = me.role() == Role.CLINIC_ADMIN && !mineOnly ? null : me.accountId();
        return clients.countCaseload(therapist, archived, like(text));
    }

    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional
    public ClientProfile update(UUID clientId, String displayName, String timeZone, String language,
                                LocalDate nextSession, boolean simplified) {
        Client client = writable(clientId);
        client.update(requireName(displayName), zone(timeZone), language(language), nextSession(nextSession), simplified);
        if (client.getAccountId() != null) {
            directory.setLanguage(client.getAccountId(), client.getLanguage());
        }
        changed(client);
        audit.record(changed(AuditAction.CLIENT_UPDATED, clientId));
        return ClientProfile.of(client);
    }

    /** The client's own settings: their time zone and language (the reminder settings page). */
    @PreAuthorize("hasRole('CLIENT')")
    @Transactional
    public ClientProfile updateMine(String timeZone, String language) {
        HomewardUser user = CurrentUser.require();
        Client client = clients.findByAccountId(user.accountId()).orElseThrow(NotFoundException::new);
        client.update(client.getDisplayName(), zone(timeZone), language(language), client.getNextSessionOn(),
                client.isSimplified());
        directory.setLanguage(client.getAccountId(), client.getLanguage());
        changed(client);
        audit.record(changed(AuditAction.CLIENT_UPDATED, client.getId()));
        return ClientProfile.of(client);
    }

    private void changed(Client client) {
        events.publishEvent(new ClientChanged(CurrentClinic.id().orElseThrow(), client.getId()));
    }

    /** The audit record of a change to a client's record. */
    private static AuditEntry changed(AuditAction action, UUID clientId) {
        return AuditEntry.of(action).client(clientId).object(AuditObject.CLIENT, clientId);
    }

    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional
    public ClientProfile archive(UUID clientId) {
        Client client = writable(clientId);
        client.archive(clock.instant());
        changed(client);
        audit.record(changed(AuditAction.CLIENT_ARCHIVED, clientId));
        LOG.info("client archived clinic={} client={}", client.getClinicId(), clientId);
        return ClientProfile.of(client);
    }

    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional
    public ClientProfile restore(UUID clientId) {
        Client client = accessible(clientId);
        client.restore();
        changed(client);
        audit.record(changed(AuditAction.CLIENT_RESTORED, clientId));
        return ClientProfile.of(client);
    }

    /** Clinic admins move a client to another therapist of the clinic. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public ClientProfile reassign(UUID clientId, UUID therapistId) {
        Client client = accessible(clientId);
        boolean known = accounts.colleagues().stream().anyMatch(s -> s.id().equals(therapistId));
        if (!known) {
            throw new DomainException("therapist", "client.unknown-therapist");
        }
        client.reassign(therapistId);
        audit.record(changed(AuditAction.CLIENT_REASSIGNED, clientId));
        LOG.info("client reassigned clinic={} client={}", client.getClinicId(), clientId);
        return ClientProfile.of(client);
    }

    /** How many clients (archived ones too) have this staff member as their therapist. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public int caseloadSize(UUID therapistId) {
        return clients.findIdsByTherapist(therapistId).size();
    }

    /**
     * Every client of one staff member moves to another (a therapist leaving): archived clients too, so no
     * client is left with an account that cannot be reached. Their open alerts follow them, as the alerts
     * page shows each client's alerts to the client's current therapist. Returns how many moved.
     */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public int handOver(UUID fromTherapistId, UUID toTherapistId) {
        if (fromTherapistId.equals(toTherapistId)
                || accounts.colleagues().stream().noneMatch(s -> s.id().equals(toTherapistId))) {
            throw new DomainException("successor", "client.unknown-therapist");
        }
        List<UUID> moving = clients.findIdsByTherapist(fromTherapistId);
        for (Client client : clients.findAllById(moving)) {
            client.reassign(toTherapistId);
            audit.record(changed(AuditAction.CLIENT_REASSIGNED, client.getId()));
        }
        LOG.info("caseload handed over count={}", moving.size());
        return moving.size();
    }

    // ---------------------------------------------------------------- goals

    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public List<Goal> goals(UUID clientId) {
        accessible(clientId);
        return goals.findByClientIdOrderByCreatedAt(clientId).stream().map(Goal::of).toList();
    }

    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional
    public Goal addGoal(UUID clientId, String text) {
        writable(clientId);
        ClientGoal goal = goals.save(new ClientGoal(clientId, goalText(text), clock.instant()));
        audit.record(AuditEntry.of(AuditAction.GOAL_ADDED).client(clientId).object(AuditObject.GOAL, goal.getId()));
        return Goal.of(goal);
    }

    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional
    public Goal changeGoal(UUID goalId, String text, GoalStatus status) {
        ClientGoal goal = goals.findById(goalId).orElseThrow(NotFoundException::new);
        writable(goal.getClientId());
        goal.change(goalText(text), status == null ? GoalStatus.ACTIVE : status);
        audit.record(AuditEntry.of(AuditAction.GOAL_CHANGED).client(goal.getClientId()).object(AuditObject.GOAL, goalId));
        return Goal.of(goal);
    }

    // ---------------------------------------------------------------- for the homework feature

    /** Clients by id, limited to those the current staff member may see (for list pages). */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public List<ClientProfile> accessibleAmong(Collection<UUID> ids) {
        HomewardUser me = CurrentUser.require();
        return clients.findAllById(ids).stream().filter(c -> canSee(c, me)).map(ClientProfile::of).toList();
    }

    /** The current therapist's client ids, or null for a clinic admin (who sees every client). */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public List<UUID> caseloadIds() {
        HomewardUser me = CurrentUser.require();
        return me.role() == Role.CLINIC_ADMIN ? null : clients.findIdsByTherapist(me.accountId());
    }

    /** Notes that the client did something (for "last activity"). */
    @PreAuthorize("hasRole('CLIENT')")
    @Transactional
    public void touched(UUID clientId) {
        clients.findById(clientId).ifPresent(c -> c.active(clock.instant()));
    }

    /**
     * For the tenants/ import only (no signed-in person; the clinic is bound): makes sure an
     * existing client account is in a therapist's caseload. Creates nothing if already there.
     */
    @Transactional
    @PreAuthorize("permitAll()")
    public void importClient(UUID accountId, String email, String displayName, UUID therapistId, String timeZone,
                             String language) {
        String address = EmailAddress.require("email", email);
        if (clients.findByAccountId(accountId).isPresent() || clients.existsByEmail(address)) {
            return;
        }
        Client client = new Client(therapistId, requireName(displayName), address, zone(timeZone), language(language),
                clock.instant());
        client.joined(accountId, clock.instant());
        clients.save(client);
        directory.setLanguage(accountId, client.getLanguage());
    }

    /** For imports (no signed-in person): the client record of an account, if any. */
    @Transactional(readOnly = true)
    @PreAuthorize("permitAll()")
    public Optional<ClientProfile> findByAccount(UUID accountId) {
        return clients.findByAccountId(accountId).map(ClientProfile::of);
    }

    /** Links the new account to the client it was invited as (same transaction as the acceptance). */
    @EventListener
    @Transactional
    @PreAuthorize("permitAll()")
    public void onInvitationAccepted(InvitationAccepted accepted) {
        if (accepted.role() != Role.CLIENT) {
            return;
        }
        clients.findByInvitationId(accepted.invitationId()).ifPresent(client -> {
            client.joined(accepted.accountId(), clock.instant());
            // the portal speaks the language the therapist chose for the client, like the invitation did
            directory.setLanguage(accepted.accountId(), client.getLanguage());
            events.publishEvent(new ClientChanged(accepted.clinicId(), client.getId()));
            LOG.info("client joined clinic={} client={}", accepted.clinicId(), client.getId());
        });
    }

    private Client accessible(UUID clientId) {
        Client client = clients.findById(clientId).orElseThrow(NotFoundException::new);
        if (!canSee(client, CurrentUser.require())) {
            throw new NotFoundException();
        }
        return client;
    }

    private Client writable(UUID clientId) {
        Client client = accessible(clientId);
        if (client.getStatus() == ClientStatus.ARCHIVED) {
            throw new DomainException("client.archived");
        }
        return client;
    }

    private static boolean canSee(Client client, HomewardUser me) {
        return me.role() == Role.CLINIC_ADMIN || client.getTherapistId().equals(me.accountId());
    }

    private static String requireName(String input) {
        String name = Text.clean(input);
        if (name == null || name.isBlank()) {
            throw new DomainException("name", "validation.required");
        }
        if (name.length() > 120) {
            throw new DomainException("name", "validation.too-long", 120);
        }
        return name;
    }

    private static String goalText(String input) {
        String text = Text.clean(input);
        if (text == null || text.isBlank()) {
            throw new DomainException("goal", "validation.required");
        }
        if (text.length() > 300) {
            throw new DomainException("goal", "validation.too-long", 300);
        }
        return text;
    }

    static ZoneId zone(String id) {
        try {
            if (id == null || id.isBlank() || !ZoneId.getAvailableZoneIds().contains(id)) {
                throw new DomainException("timeZone", "client.time-zone");
            }
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new DomainException("timeZone", "client.time-zone");
        }
    }

    private static String language(String language) {
        if (language == null || !LANGUAGES.contains(language)) {
            throw new DomainException("language", "validation.choose");
        }
        return language;
    }

    private LocalDate nextSession(LocalDate date) {
        if (date != null && (date.isBefore(LocalDate.now(clock).minusYears(1)) || date.isAfter(LocalDate.now(clock).plusYears(2)))) {
            throw new DomainException("nextSession", "client.next-session");
        }
        return date;
    }

    private static String like(String text) {
        String clean = Text.clean(text);
        if (clean == null || clean.isBlank()) {
            return null;
        }
        // "!" escapes in the queries (a backslash would itself need escaping in MySQL string literals)
        String escaped = clean.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
