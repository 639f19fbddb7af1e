package app.homeward.security;

import app.homeward.base.DomainException;
import app.homeward.base.EmailAddress;
import app.homeward.base.LinkTokens;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.base.Text;
import app.homeward.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creating accounts and single-use tokens for system flows (clinic signup, the tenants/ import,
 * verification). Callers bind the clinic with {@link TenantContext} first; these methods refuse to
 * run on a signed-in user's implicit clinic so a view cannot create accounts by accident.
 */
@Service
public class AccountDirectory {

    public static final int MAX_NAME = 120;

    private static final Logger LOG = LoggerFactory.getLogger(AccountDirectory.class);

    private final AccountRepository accounts;
    private final PlatformOperatorRepository operators;
    private final AccountTokenRepository tokens;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final Clock clock;

    AccountDirectory(AccountRepository accounts, PlatformOperatorRepository operators, AccountTokenRepository tokens,
                     PasswordEncoder encoder, PasswordPolicy policy, Clock clock) {
        this.accounts = accounts;
        this.operators = operators;
        this.tokens = tokens;
        this.encoder = encoder;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    boolean sessionStillValid(HomewardUser user) {
        return sessionLimits(user).isPresent();
    }

    /**
     * The limits a signed-in session lives by, while it may live at all: empty once the account's (or
     * operator's) session stamp has moved on, the account was deactivated or its clinic suspended.
     * One primary-key read (with the clinic's limits joined), made on every request.
     */
    @Transactional(readOnly = true)
    Optional<SessionLimits> sessionLimits(HomewardUser user) {
        if (user.isOperator()) {
            return operators.sessionStamp(user.accountId()).filter(stamp -> stamp == user.sessionStamp())
                    .map(stamp -> SessionLimits.OPERATOR);
        }
        return accounts.sessionCheck(user.accountId()).filter(check -> check.stamp() == user.sessionStamp())
                .map(AccountRepository.SessionCheck::limits);
    }

    /**
     * Ends every session of an account of the current clinic (bound, or the signed-in person's) at its next
     * request, on every node: for flows that change how the person proves who they are (a second factor
     * reset by an admin, for example). The caller authorises; the account's own sessions included.
     */
    @Transactional
    public void endSessions(UUID accountId) {
        require(accountId).endSessions();
        LOG.info("sessions ended account={}", accountId);
    }

    /** Ends every session of the platform operator (e.g. after their second factor was reset). The caller authorises. */
    @Transactional
    public void endOperatorSessions(UUID operatorId) {
        operators.findById(operatorId).orElseThrow(NotFoundException::new).endSessions();
        LOG.info("operator sessions ended operator={}", operatorId);
    }

    /** Creates an account in the bound clinic after checking email, name and password. */
    @Transactional
    public UUID provision(String email, String displayName, Role role, boolean active, String rawPassword) {
        requireExplicitClinic();
        String normalised = EmailAddress.require("email", email);
        String name = requireName("name", displayName);
        policy.check(rawPassword, normalised, name, null);
        if (accounts.existsByEmail(normalised)) {
            throw new DomainException("email", "account.email-taken");
        }
        Account account = new Account(normalised, name, role,
                active ? AccountStatus.ACTIVE : AccountStatus.PENDING_VERIFICATION, encoder.encode(rawPassword),
                clock.instant());
        return accounts.saveAndFlush(account).getId();
    }

    @Transactional(readOnly = true)
    public boolean exists(String email) {
        requireExplicitClinic();
        return accounts.existsByEmail(Account.normalise(email));
    }

    /** The id of the bound clinic's account with this email, if any (for imports). */
    @Transactional(readOnly = true)
    public Optional<UUID> idOf(String email) {
        requireExplicitClinic();
        return accounts.findByEmail(Account.normalise(email)).map(Account::getId);
    }

    /**
     * Sets an account's language (the caseload keeps a client's account in the language the
     * therapist chose for them, so portal and emails agree). Unknown accounts are ignored.
     */
    @Transactional
    public void setLanguage(UUID accountId, String language) {
        if (Messages.SUPPORTED.stream().noneMatch(l -> l.getLanguage().equals(language))) {
            throw new DomainException("language", "validation.choose");
        }
        accounts.findById(accountId).ifPresent(a -> a.changeLanguage(language));
    }

    /** Where to write to an active account of the current clinic (for notifications), if it exists. */
    @Transactional(readOnly = true)
    public Optional<Contact> contact(UUID accountId) {
        return accounts.findById(accountId).filter(a -> a.getStatus() == AccountStatus.ACTIVE)
                .map(a -> new Contact(a.getEmail(), a.getDisplayName(), a.getLanguage()));
    }

    /** Of these accounts, the ones that are active (deactivated and unknown ones are left out), by id. */
    @Transactional(readOnly = true)
    public Map<UUID, Contact> activeContacts(Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Contact> result = new HashMap<>();
        accounts.findActiveContacts(accountIds)
                .forEach(a -> result.put(a.id(), new Contact(a.email(), a.displayName(), a.language())));
        return result;
    }

    /** Display names of the current clinic's accounts, active or not, by id (unknown ids are left out). */
    @Transactional(readOnly = true)
    public Map<UUID, String> names(Collection<UUID> accountIds) {
        Map<UUID, String> names = new HashMap<>();
        if (!accountIds.isEmpty()) {
            accounts.findAllById(accountIds).forEach(a -> names.put(a.getId(), a.getDisplayName()));
        }
        return names;
    }

    /** The current clinic's active admins, by id: whom a safety alert goes to when no therapist can be told. */
    @Transactional(readOnly = true)
    public List<UUID> activeAdmins() {
        return accounts.findByRoleInOrderByDisplayNameAsc(List.of(Role.CLINIC_ADMIN)).stream()
                .filter(a -> a.getStatus() == AccountStatus.ACTIVE).map(Account::getId).toList();
    }

    /** Active staff of the current clinic who chose a daily digest time. */
    @Transactional(readOnly = true)
    public List<DigestSubscriber> digestSubscribers() {
        return accounts.findByDigestTimeIsNotNull().stream()
                .filter(a -> a.getStatus() == AccountStatus.ACTIVE
                        && (a.getRole() == Role.THERAPIST || a.getRole() == Role.CLINIC_ADMIN))
                .map(a -> new DigestSubscriber(a.getId(), a.getDigestTime(), a.getTimeZone())).toList();
    }

    /** A staff member's digest time and zone id (null: the clinic's zone). */
    public record DigestSubscriber(UUID accountId, LocalTime time, String zone) {
    }

    /** An account's address, name and language (null: the clinic's). */
    public record Contact(String email, String displayName, String language) {
    }

    /** Issues a new single-use token; earlier unused tokens of the same purpose stop working. */
    @Transactional
    public String issueToken(UUID accountId, TokenPurpose purpose) {
        requireExplicitClinic();
        Instant now = clock.instant();
        tokens.findByAccountIdAndPurposeAndUsedAtIsNull(accountId, purpose).forEach(t -> t.use(now));
        String token = LinkTokens.newToken();
        tokens.save(new AccountToken(accountId, purpose, LinkTokens.hash(token), now));
        return token;
    }

    /** Activates the account a clinic-verification token belongs to and returns it signed in. */
    @Transactional
    public Optional<HomewardUser> verifyAndActivate(String token, String clinicSlug, String clinicLanguage) {
        requireExplicitClinic();
        Instant now = clock.instant();
        return tokens.findByTokenHash(LinkTokens.hash(token))
                .filter(t -> t.usable(TokenPurpose.VERIFY_CLINIC, now))
                .flatMap(t -> {
                    t.use(now);
                    return accounts.findById(t.getAccountId());
                })
                .map(account -> {
                    account.activate();
                    account.signedIn(now);
                    return SignInService.principalOf(account, clinicSlug, clinicLanguage);
                });
    }

    /** Headcount per clinic and role, for the platform operator (who binds the root scope). */
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    @Transactional(readOnly = true)
    public Map<UUID, Map<Role, Long>> countsPerClinic() {
        Map<UUID, Map<Role, Long>> counts = new HashMap<>();
        for (AccountRepository.RoleCount row : accounts.countPerClinicAndRole()) {
            counts.computeIfAbsent(row.getClinicId(), id -> new EnumMap<>(Role.class)).put(row.getRole(), row.getTotal());
        }
        return counts;
    }

    Account require(UUID accountId) {
        return accounts.findById(accountId).orElseThrow(NotFoundException::new);
    }

    static String requireName(String field, String input) {
        String name = Text.clean(input);
        if (name.isEmpty()) {
            throw new DomainException(field, "validation.required");
        }
        if (name.length() > MAX_NAME) {
            throw new DomainException(field, "validation.too-long", MAX_NAME);
        }
        return name;
    }

    private static void requireExplicitClinic() {
        if (!TenantContext.isBound()) {
            throw new IllegalStateException("bind the clinic with TenantContext before provisioning");
        }
    }
}
