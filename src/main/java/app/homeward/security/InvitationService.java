package app.homeward.security;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.EmailAddress;
import app.homeward.base.HomeworkWords;
import app.homeward.base.LinkTokens;
import app.homeward.base.Links;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.mail.MailService;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitations by email: a single-use link valid 7 days that leads to setting a password.
 * Clinic admins invite staff here; the client feature will invite clients through the same path.
 */
@Service
public class InvitationService {

    private static final Logger LOG = LoggerFactory.getLogger(InvitationService.class);
    private static final List<Role> STAFF = List.of(Role.CLINIC_ADMIN, Role.THERAPIST);

    private final InvitationRepository invitations;
    private final AccountRepository accounts;
    private final ClinicDirectory clinics;
    private final MailService mail;
    private final Links links;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final RateLimits limits;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final HomeworkWords homeworkWords;

    InvitationService(InvitationRepository invitations, AccountRepository accounts, ClinicDirectory clinics,
                      MailService mail, Links links, PasswordPolicy policy, PasswordEncoder encoder,
                      RateLimits limits, TransactionTemplate tx,
                      ApplicationEventPublisher events, Clock clock, AuditTrail audit, HomeworkWords homeworkWords) {
        this.homeworkWords = homeworkWords;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.invitations = invitations;
        this.accounts = accounts;
        this.clinics = clinics;
        this.mail = mail;
        this.links = links;
        this.policy = policy;
        this.encoder = encoder;
        this.limits = limits;
        this.tx = tx;
    }

    /** Invites a therapist or another admin. Inviting an address with an open invitation resends it. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public InvitationSummary inviteStaff(String email, String displayName, Role role) {
        if (role == null || !role.isStaff()) {
            throw new DomainException("role", "validation.choose");
        }
        String address = EmailAddress.require("email", email);
        String name = AccountDirectory.requireName("name", displayName);
        if (accounts.existsByEmail(address)) {
            throw new DomainException("email", "invitation.already-member");
        }
        HomewardUser admin = CurrentUser.require();
        if (!limits.tryAcquire(RateLimits.Limit.INVITATION_SEND, admin.clinicId().toString())) {
            throw new DomainException("rate-limited");
        }
        Instant now = clock.instant();
        String token = LinkTokens.newToken();
        Invitation invitation = invitations.findByEmailAndAcceptedAtIsNullAndRevokedAtIsNull(address).stream()
                .findFirst()
                .map(open -> {
                    open.renew(LinkTokens.hash(token), now);
                    return open;
                })
                .orElseGet(() -> invitations.save(new Invitation(address, name, role, admin.accountId(),
                        LinkTokens.hash(token), now)));
        send(invitation, token);
        audit.record(AuditEntry.of(AuditAction.INVITATION_SENT).object(AuditObject.INVITATION, invitation.getId()));
        LOG.info("invitation sent clinic={} invitation={}", admin.clinicId(), invitation.getId());
        return InvitationSummary.of(invitation, clock.instant());
    }

    /**
     * Invites a client to the portal, in the client's own language. Called by the caseload feature
     * in the same transaction that adds the client, so both happen or neither.
     */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional
    public InvitationSummary inviteClient(String email, String displayName, String language) {
        String address = EmailAddress.require("email", email);
        String name = AccountDirectory.requireName("name", displayName);
        if (accounts.existsByEmail(address)) {
            throw new DomainException("email", "invitation.already-member");
        }
        HomewardUser inviter = CurrentUser.require();
        if (!limits.tryAcquire(RateLimits.Limit.INVITATION_SEND, inviter.clinicId().toString())) {
            throw new DomainException("rate-limited");
        }
        String token = LinkTokens.newToken();
        Invitation invitation = invitations.findByEmailAndAcceptedAtIsNullAndRevokedAtIsNull(address).stream()
                .findFirst()
                .map(open -> {
                    open.renew(LinkTokens.hash(token), clock.instant());
                    return open;
                })
                .orElseGet(() -> invitations.save(new Invitation(address, name, Role.CLIENT, inviter.accountId(),
                        LinkTokens.hash(token), clock.instant())));
        send(invitation, token, language);
        audit.record(AuditEntry.of(AuditAction.INVITATION_SENT).object(AuditObject.INVITATION, invitation.getId()));
        LOG.info("client invitation sent clinic={} invitation={}", inviter.clinicId(), invitation.getId());
        return InvitationSummary.of(invitation, clock.instant());
    }

    /** Sends a client's invitation again (a new link; the old one stops working). */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional
    public InvitationSummary resendClient(UUID invitationId, String language) {
        Invitation invitation = invitations.findById(invitationId).filter(Invitation::isOpen)
                .filter(i -> i.getRole() == Role.CLIENT).orElseThrow(NotFoundException::new);
        String token = LinkTokens.newToken();
        invitation.renew(LinkTokens.hash(token), clock.instant());
        send(invitation, token, language);
        audit.record(AuditEntry.of(AuditAction.INVITATION_RESENT).object(AuditObject.INVITATION, invitation.getId()));
        return InvitationSummary.of(invitation, clock.instant());
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public InvitationSummary resend(UUID invitationId) {
        Invitation invitation = invitations.findById(invitationId).filter(Invitation::isOpen)
                .orElseThrow(NotFoundException::new);
        String token = LinkTokens.newToken();
        invitation.renew(LinkTokens.hash(token), clock.instant());
        send(invitation, token);
        audit.record(AuditEntry.of(AuditAction.INVITATION_RESENT).object(AuditObject.INVITATION, invitation.getId()));
        return InvitationSummary.of(invitation, clock.instant());
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public void revoke(UUID invitationId) {
        Invitation invitation = invitations.findById(invitationId).filter(Invitation::isOpen)
                .orElseThrow(NotFoundException::new);
        invitation.revoke(clock.instant());
        audit.record(AuditEntry.of(AuditAction.INVITATION_REVOKED).object(AuditObject.INVITATION, invitationId));
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public List<InvitationSummary> openStaffInvitations() {
        return invitations.findByAcceptedAtIsNullAndRevokedAtIsNullAndRoleInOrderByCreatedAtDesc(STAFF).stream()
                .map(i -> InvitationSummary.of(i, clock.instant())).toList();
    }

    /** What the invitation page shows before the person sets a password; empty if not usable. */
    @PreAuthorize("permitAll()")
    public Optional<InvitationPreview> preview(String clinicSlug, String token) {
        return clinics.findActiveBySlug(clinicSlug).flatMap(clinic -> TenantContext.callAs(clinic.id(),
                () -> tx.execute(status -> usable(token)
                        .map(i -> new InvitationPreview(clinic.name(), i.getEmail(), i.getDisplayName(), i.getRole())))));
    }

    /** Creates the account and returns it signed in. The link cannot be used again. */
    @PreAuthorize("permitAll()")
    public HomewardUser accept(String clinicSlug, String token, String displayName, String password) {
        ClinicBranding clinic = clinics.findActiveBySlug(clinicSlug).orElseThrow(() -> new DomainException("invitation.invalid"));
        return TenantContext.callAs(clinic.id(), () -> tx.execute(status -> {
            Invitation invitation = usable(token).orElseThrow(() -> new DomainException("invitation.invalid"));
            String name = AccountDirectory.requireName("name", displayName);
            policy.check(password, invitation.getEmail(), name, clinic.name() + " " + clinic.slug());
            if (accounts.existsByEmail(invitation.getEmail())) {
                throw new DomainException("invitation.already-member");
            }
            Instant now = clock.instant();
            Account fresh = new Account(invitation.getEmail(), name, invitation.getRole(), AccountStatus.ACTIVE,
                    encoder.encode(password), now);
            fresh.signedIn(now);
            // the id is pre-assigned, so Spring Data merges: the returned copy is the managed one with clinic_id set
            Account account = accounts.saveAndFlush(fresh);
            invitation.accept(now);
            // in this transaction: the caseload links the client to the new account before the first page
            events.publishEvent(new InvitationAccepted(clinic.id(), invitation.getId(), account.getId(), account.getRole()));
            audit.record(AuditEntry.of(AuditAction.INVITATION_ACCEPTED).actor(account.getId(), account.getRole().name())
                    .object(AuditObject.INVITATION, invitation.getId()));
            LOG.info("invitation accepted clinic={} account={}", clinic.id(), account.getId());
            return SignInService.principalOf(account, clinic.slug(), clinic.defaultLanguage());
        }));
    }

    private Optional<Invitation> usable(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return invitations.findByTokenHash(LinkTokens.hash(token)).filter(i -> i.isPending(now));
    }

    private void send(Invitation invitation, String token) {
        send(invitation, token, null);
    }

    private void send(Invitation invitation, String token, String chosen) {
        ClinicBranding clinic = clinics.findById(CurrentUser.require().clinicId()).orElseThrow(NotFoundException::new);
        Locale language = Messages.forLanguageTag(chosen != null ? chosen : clinic.defaultLanguage());
        // a client's email says the clinic's word for homework (decision 0046)
        Locale locale = invitation.getRole() == Role.CLIENT ? homeworkWords.forClients(clinic.id(), language) : language;
        // the page the link opens speaks the email's language; a client is invited to their homework portal,
        // not to join the clinic's team
        mail.send(clinic.id(), invitation.getEmail(), locale, "invitation",
                Map.of("clinicName", clinic.name(), "recipientName", invitation.getDisplayName(),
                        "forClient", invitation.getRole() == Role.CLIENT,
                        "link", links.absolute("/c/" + clinic.slug() + "/invite/" + token + "?lang=" + locale.getLanguage())));
    }

    /** Someone accepted an invitation and now has an account (published inside the accepting transaction). */
    public record InvitationAccepted(UUID clinicId, UUID invitationId, UUID accountId, Role role) {
    }

    public record InvitationPreview(String clinicName, String email, String displayName, Role role) {
    }

    public record InvitationSummary(UUID id, String email, String displayName, Role role, Instant expiresAt,
                                    boolean expired) {
        static InvitationSummary of(Invitation i, Instant now) {
            return new InvitationSummary(i.getId(), i.getEmail(), i.getDisplayName(), i.getRole(), i.getExpiresAt(),
                    !i.isPending(now));
        }
    }
}
