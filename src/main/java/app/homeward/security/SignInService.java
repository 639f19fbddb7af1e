package app.homeward.security;

import org.springframework.security.access.prepost.PreAuthorize;
import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditOutcome;
import app.homeward.audit.AuditTrail;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a sign-in at one clinic's page. Not itself transactional: it binds the clinic first and
 * then opens the transaction, so Hibernate filters by that clinic from the first query on.
 */
@Service
public class SignInService {

    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);
    /** Longest input we spend a hash on; anything longer cannot be a valid password. */
    private static final int MAX_INPUT = 1024;

    private final ClinicDirectory clinics;
    private final AccountRepository accounts;
    private final PlatformOperatorRepository operators;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final TransactionTemplate tx;
    private final String dummyHash;
    private final Clock clock;
    private final AuditTrail audit;

    SignInService(ClinicDirectory clinics, AccountRepository accounts, PlatformOperatorRepository operators,
                  PasswordEncoder encoder, SignInThrottle throttle, TransactionTemplate tx, Clock clock,
                  AuditTrail audit) {
        this.clock = clock;
        this.audit = audit;
        this.clinics = clinics;
        this.accounts = accounts;
        this.operators = operators;
        this.encoder = encoder;
        this.throttle = throttle;
        this.tx = tx;
        // checked against when the email is unknown, so both cases take the same time
        this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
    }

    @PreAuthorize("permitAll()")
    public SignInOutcome signIn(String clinicSlug, String email, String password, String ip) {
        Optional<ClinicBranding> clinic = clinics.findActiveBySlug(clinicSlug);
        if (clinic.isEmpty()) {
            return new SignInOutcome.ClinicUnavailable();
        }
        String normalised = Account.normalise(email);
        // bounded: the key must not let anyone grow the throttle map with megabyte-long "emails"
        String accountKey = clinic.get().id() + "/" + normalised.substring(0, Math.min(normalised.length(), 254));
        long wait = throttle.secondsToWait(accountKey, ip);
        AuditEntry attempt = AuditEntry.of(AuditAction.SIGN_IN).clinic(clinic.get().id()).ip(ip);
        if (wait > 0) {
            audit.recordUnknownEmail(attempt.outcome(AuditOutcome.DENIED).detail("throttled"), normalised);
            return new SignInOutcome.Throttled(wait);
        }
        Checked checked = TenantContext.callAs(clinic.get().id(),
                () -> tx.execute(status -> check(clinic.get(), normalised, password)));
        if (checked.user() == null) {
            throttle.failed(accountKey, ip);
            LOG.info("sign-in failed clinic={}", clinic.get().id());
            if (checked.accountId() == null) {
                audit.recordUnknownEmail(attempt.outcome(AuditOutcome.FAILED).detail(checked.reason()), normalised);
            } else {
                audit.record(attempt.actor(checked.accountId(), checked.role().name()).outcome(AuditOutcome.FAILED)
                        .detail(checked.reason()));
            }
            return new SignInOutcome.Failed();
        }
        HomewardUser user = checked.user();
        throttle.succeeded(accountKey);
        LOG.info("sign-in clinic={} account={}", user.clinicId(), user.accountId());
        audit.record(attempt.actor(user.accountId(), user.role().name()));
        return new SignInOutcome.Success(user);
    }

    /** What checking a sign-in found: the principal, or the account it failed for (if any) and why. */
    private record Checked(HomewardUser user, UUID accountId, Role role, String reason) {

        static Checked failed(Account account, String reason) {
            return new Checked(null, account == null ? null : account.getId(), account == null ? null : account.getRole(),
                    reason);
        }
    }

    private Checked check(ClinicBranding clinic, String email, String password) {
        if (password == null || password.isEmpty() || password.length() > MAX_INPUT || email.length() > 254) {
            return Checked.failed(null, "bad-credentials");
        }
        Optional<Account> found = accounts.findByEmail(email);
        if (found.isEmpty() || found.get().getPasswordHash() == null) {
            encoder.matches(password, dummyHash);
            return Checked.failed(found.orElse(null), found.isEmpty() ? "unknown-account" : "not-active");
        }
        Account account = found.get();
        if (!encoder.matches(password, account.getPasswordHash())) {
            return Checked.failed(account, "bad-credentials");
        }
        if (account.getStatus() != AccountStatus.ACTIVE) {
            return Checked.failed(account, "not-active");
        }
        if (encoder.upgradeEncoding(account.getPasswordHash())) {
            account.changePasswordKeepingSessions(encoder.encode(password));
        }
        account.signedIn(clock.instant());
        return new Checked(principalOf(account, clinic.slug(), clinic.defaultLanguage()), account.getId(),
                account.getRole(), null);
    }

    /** The operator signs in on the platform page; operators belong to no clinic (their sign-ins go to the platform's trail). */
    @PreAuthorize("permitAll()")
    public SignInOutcome signInOperator(String email, String password, String ip) {
        String normalised = Account.normalise(email);
        String key = "operator/" + normalised.substring(0, Math.min(normalised.length(), 254));
        long wait = throttle.secondsToWait(key, ip);
        AuditEntry attempt = AuditEntry.of(AuditAction.SIGN_IN).clinic(AuditTrail.PLATFORM).ip(ip);
        if (wait > 0) {
            audit.recordUnknownEmail(attempt.outcome(AuditOutcome.DENIED).detail("throttled"), normalised);
            return new SignInOutcome.Throttled(wait);
        }
        UUID[] tried = new UUID[1];
        HomewardUser user = tx.execute(status -> {
            if (password == null || password.isEmpty() || password.length() > MAX_INPUT) {
                return null;
            }
            Optional<PlatformOperator> operator = operators.findByEmail(normalised);
            if (operator.isEmpty()) {
                encoder.matches(password, dummyHash);
                return null;
            }
            tried[0] = operator.get().getId();
            if (!encoder.matches(password, operator.get().getPasswordHash())) {
                return null;
            }
            PlatformOperator op = operator.get();
            return new HomewardUser(op.getId(), null, null, op.getEmail(), op.getDisplayName(),
                    Role.PLATFORM_OPERATOR, "en", op.getSessionStamp());
        });
        if (user == null) {
            throttle.failed(key, ip);
            LOG.info("operator sign-in failed");
            if (tried[0] == null) {
                audit.recordUnknownEmail(attempt.outcome(AuditOutcome.FAILED).detail("unknown-account"), normalised);
            } else {
                audit.record(attempt.actor(tried[0], Role.PLATFORM_OPERATOR.name()).outcome(AuditOutcome.FAILED)
                        .detail("bad-credentials"));
            }
            return new SignInOutcome.Failed();
        }
        throttle.succeeded(key);
        LOG.info("operator sign-in account={}", user.accountId());
        audit.record(attempt.actor(user.accountId(), Role.PLATFORM_OPERATOR.name()));
        return new SignInOutcome.Success(user);
    }

    /** The principal; its language is the account's own, else the clinic's default. */
    static HomewardUser principalOf(Account account, String clinicSlug, String clinicLanguage) {
        String language = account.getLanguage() != null ? account.getLanguage() : clinicLanguage;
        return new HomewardUser(account.getId(), account.getClinicId(), clinicSlug, account.getEmail(),
                account.getDisplayName(), account.getRole(), language, account.getSessionStamp());
    }
}
