package app.homeward.security;

import app.homeward.base.DomainException;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private final app.homeward.tenancy.ClinicDirectory clinics;

    AccountService(AccountRepository accounts, PasswordEncoder encoder, PasswordPolicy policy, SessionSignIn sessions,
                   app.homeward.tenancy.ClinicDirectory clinics) {
        this.clinics = clinics;
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
    public void changeMyDigest(java.time.LocalTime time, String zone) {
        if (zone != null && !zone.isBlank() && !java.time.ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new DomainException("timeZone", "client.time-zone");
        }
        mine().changeDigest(time == null ? null : time.withSecond(0).withNano(0),
                zone == null || zone.isBlank() ? null : zone);
    }

    public record Digest(java.time.LocalTime time, String zone) {
    }

    /** Changing the password ends every other session of the account; this one stays signed in. */
    @PreAuthorize("isAuthenticated() and !hasRole('PLATFORM_OPERATOR')")
    @Transactional
    public void changeMyPassword(String currentPassword, String newPassword) {
        Account account = mine();
        if (currentPassword == null || currentPassword.length() > 1024
                || !encoder.matches(currentPassword, account.getPasswordHash())) {
            throw new DomainException("currentPassword", "password.current-wrong");
        }
        policy.check(newPassword, account.getEmail());
        account.changePassword(encoder.encode(newPassword));
        accounts.flush();
        sessions.refresh(CurrentUser.require().withSessionStamp(account.getSessionStamp()));
        LOG.info("password changed account={}", account.getId());
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
        LOG.info("account deactivated account={}", accountId);
        return AccountSummary.of(account);
    }

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public AccountSummary reactivate(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
        if (account.getStatus() == AccountStatus.DEACTIVATED) {
            account.activate();
            LOG.info("account reactivated account={}", accountId);
        }
        return AccountSummary.of(account);
    }

    private Account mine() {
        return accounts.findById(CurrentUser.require().accountId()).orElseThrow(NotFoundException::new);
    }
}
