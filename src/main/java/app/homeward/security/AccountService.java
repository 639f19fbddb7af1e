package app.homeward.security;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditOutcome;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.tenancy.ClinicDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The signed-in person's own account, and the clinic admin's control over staff accounts. */
@Service
public class AccountService {

    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
    private static final List<Role> STAFF = List.of(Role.CLINIC_ADMIN, Role.THERAPIST);

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final SessionSignIn sessions;
    private final ClinicDirectory clinics;
    private final RateLimits limits;
    private final AuditTrail audit;
    private final Reauthentication reauthentication;

    AccountService(AccountRepository accounts, PasswordEncoder encoder, PasswordPolicy policy, SessionSignIn sessions,
                   ClinicDirectory clinics, RateLimits limits, AuditTrail audit,
                   Reauthentication reauthentication) {
        this.audit = audit;
        this.clinics = clinics;
        this.limits = limits;
        this.reauthentication = reauthentication;
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.sessions = sessions;
    }

    @PreAuthorize("isAuthenticated() and !hasRole('PLATFORM_OPERATOR')")
    @Transactional(readOnly = true)
    public AccountSummary me() {
        return AccountSummary.of(mine());
    }

    /** Null language means "the clinic's default". */
    @PreAuthorize("isAuthenticated() and !hasRole('PLATFORM_OPERATOR')")
    @Transactional
    public void changeMyLanguage(String language) {
        if (language != null && Messages.SUPPORTED.stream().noneMatch(l -> l.getLanguage().equals(language))) {
            throw new DomainException("language", "validation.choose");
        }
        Account account = mine();
        account.changeLanguage(language);
        HomewardUser me = CurrentUser.require();
        String effective = language != null ? language
                : clinics.findById(me.clinicId()).map(c -> c.defaultLanguage()).orElse("en");
        sessions.refresh(me.withLanguage(effective));
    }

    /** Staff: the daily digest time (null: none) and its time zone (null: the clinic's). */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public Digest myDigest() {
        Account account = mine();
        return new Digest(account.getDigestTime(), account.getTimeZone());
    }

    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional
    public void changeMyDigest(LocalTime time, String zone) {
        if (zone != null && !zone.isBlank() && !ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new DomainException("timeZone", "client.time-zone");
        }
        mine().changeDigest(time == null ? null : time.withSecond(0).withNano(0),
                zone == null || zone.isBlank() ? null : zone);
    }

    public record Digest(LocalTime time, String zone) {
    }

    /**
     * Sets a new password, after the person confirmed who they are in this session ({@link Reauthentication}:
     * the current password, and the second factor where enrolled; wrong answers there are throttled). Ends
     * every other session of the account; this one stays signed in. Each attempt also uses up one of
     * {@link RateLimits.Limit#PASSWORD_CHANGE} (counted outside this transaction, so a refused one counts).
     */
    @PreAuthorize("isAuthenticated() and !hasRole('PLATFORM_OPERATOR')")
    @Transactional
    public void changeMyPassword(String newPassword) {
        Account account = mine();
        if (!limits.tryAcquire(RateLimits.Limit.PASSWORD_CHANGE, account.getId().toString())) {
            LOG.info("password change throttled account={}", account.getId());
            throw new DomainException("password", "password.change-throttled");
        }
        String clinic = clinics.findById(account.getClinicId()).map(c -> c.name() + " " + c.slug()).orElse(null);
        policy.check(newPassword, account.getEmail(), account.getDisplayName(), clinic);
        // after the policy: a password that would be refused anyway is refused before asking who it is
        reauthentication.requireRecent();
        account.changePassword(encoder.encode(newPassword));
        accounts.flush();
        sessions.refresh(CurrentUser.require().withSessionStamp(account.getSessionStamp()));
        audit.record(AuditEntry.of(AuditAction.PASSWORD_CHANGED));
        LOG.info("password changed account={}", account.getId());
    }

    /**
     * "Sign out everywhere": ends every other session of the account (other browsers and devices) at its
     * next request, on every node. This one stays signed in (decision 0026); signing out here is one more click.
     */
    @PreAuthorize("isAuthenticated() and !hasRole('PLATFORM_OPERATOR')")
    @Transactional
    public void signOutEverywhereElse() {
        Account account = mine();
        account.endSessions();
        accounts.flush();
        sessions.refresh(CurrentUser.require().withSessionStamp(account.getSessionStamp()));
        LOG.info("signed out everywhere else account={}", account.getId());
    }

    /**
     * An admin signs a colleague out on every device (a laptop left open, a phone lost): each of their
     * sessions ends at its next request, on every node (ASVS 7.4.5). Not one's own: that is
     * {@link #signOutEverywhereElse()}. Audited.
     */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public void signOutEverywhere(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
        if (account.getId().equals(CurrentUser.require().accountId())) {
            throw new DomainException("account.cannot-sign-out-self");
        }
        account.endSessions();
        audit.record(AuditEntry.of(AuditAction.STAFF_SIGNED_OUT).object(AuditObject.ACCOUNT, accountId));
        LOG.info("sessions ended by an admin account={}", accountId);
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public List<AccountSummary> staff() {
        return accounts.findByRoleInOrderByDisplayNameAsc(STAFF).stream().map(AccountSummary::of).toList();
    }

    /** The clinic's active staff by name, for "assigned therapist" choices and name look-ups. */
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN','THERAPIST')")
    @Transactional(readOnly = true)
    public List<StaffMember> colleagues() {
        return accounts.findByRoleInOrderByDisplayNameAsc(STAFF).stream()
                .filter(a -> a.getStatus() == AccountStatus.ACTIVE)
                .map(a -> new StaffMember(a.getId(), a.getDisplayName(), a.getRole())).toList();
    }

    /** A colleague as choices show them. */
    public record StaffMember(UUID id, String displayName, Role role) {
    }

    /** Deactivating ends the person's sessions at once; their data stays. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public AccountSummary deactivate(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
        if (account.getId().equals(CurrentUser.require().accountId())) {
            throw new DomainException("account.cannot-deactivate-self");
        }
        if (account.getStatus() == AccountStatus.ACTIVE && account.getRole() == Role.CLINIC_ADMIN
                && accounts.findByRoleInOrderByDisplayNameAsc(List.of(Role.CLINIC_ADMIN)).stream()
                .filter(a -> a.getStatus() == AccountStatus.ACTIVE).count() <= 1) {
            throw new DomainException("account.last-admin");
        }
        account.deactivate();
        audit.record(AuditEntry.of(AuditAction.STAFF_DEACTIVATED).object(AuditObject.ACCOUNT, accountId));
        LOG.info("account deactivated account={}", accountId);
        return AccountSummary.of(account);
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public AccountSummary reactivate(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
        if (account.getStatus() == AccountStatus.DEACTIVATED) {
            account.activate();
            audit.record(AuditEntry.of(AuditAction.STAFF_REACTIVATED).object(AuditObject.ACCOUNT, accountId));
            LOG.info("account reactivated account={}", accountId);
        }
        return AccountSummary.of(account);
    }

    private Account mine() {
        return accounts.findById(CurrentUser.require().accountId()).orElseThrow(NotFoundException::new);
    }
}
