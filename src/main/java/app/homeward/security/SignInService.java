package app.homeward.security;

import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

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

    SignInService(ClinicDirectory clinics, AccountRepository accounts, PlatformOperatorRepository operators,
                  PasswordEncoder encoder, SignInThrottle throttle, TransactionTemplate tx) {
        this.clinics = clinics;
        this.accounts = accounts;
        this.operators = operators;
        this.encoder = encoder;
        this.throttle = throttle;
        this.tx = tx;
        // checked against when the email is unknown, so both cases take the same time
        this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
    }

    public SignInOutcome signIn(String clinicSlug, String email, String password, String ip) {
        Optional<ClinicBranding> clinic = clinics.findActiveBySlug(clinicSlug);
        if (clinic.isEmpty()) {
            return new SignInOutcome.ClinicUnavailable();
        }
        String normalised = Account.normalise(email);
        // bounded: the key must not let anyone grow the throttle map with megabyte-long "emails"
        String accountKey = clinic.get().id() + "/" + normalised.substring(0, Math.min(normalised.length(), 254));
        long wait = throttle.secondsToWait(accountKey, ip);
        if (wait > 0) {
            return new SignInOutcome.Throttled(wait);
        }
        HomewardUser user = TenantContext.callAs(clinic.get().id(),
                () -> tx.execute(status -> check(clinic.get(), normalised, password)));
        if (user == null) {
            throttle.failed(accountKey, ip);
            LOG.info("sign-in failed clinic={}", clinic.get().id());
            return new SignInOutcome.Failed();
        }
        throttle.succeeded(accountKey);
        LOG.info("sign-in clinic={} account={}", user.clinicId(), user.accountId());
        return new SignInOutcome.Success(user);
    }

    private HomewardUser check(ClinicBranding clinic, String email, String password) {
        if (password == null || password.isEmpty() || password.length() > MAX_INPUT || email.length() > 254) {
            return null;
        }
        Optional<Account> found = accounts.findByEmail(email);
        if (found.isEmpty() || found.get().getPasswordHash() == null) {
            encoder.matches(password, dummyHash);
            return null;
        }
        Account account = found.get();
        if (!encoder.matches(password, account.getPasswordHash()) || account.getStatus() != AccountStatus.ACTIVE) {
            return null;
        }
        if (encoder.upgradeEncoding(account.getPasswordHash())) {
            account.changePasswordKeepingSessions(encoder.encode(password));
        }
        account.signedIn();
        return principalOf(account, clinic.slug(), clinic.defaultLanguage());
    }

    /** The operator signs in on the platform page; operators belong to no clinic. */
    public SignInOutcome signInOperator(String email, String password, String ip) {
        String normalised = Account.normalise(email);
        String key = "operator/" + normalised.substring(0, Math.min(normalised.length(), 254));
        long wait = throttle.secondsToWait(key, ip);
        if (wait > 0) {
            return new SignInOutcome.Throttled(wait);
        }
        HomewardUser user = tx.execute(status -> {
            if (password == null || password.isEmpty() || password.length() > MAX_INPUT) {
                return null;
            }
            Optional<PlatformOperator> operator = operators.findByEmail(normalised);
            if (operator.isEmpty()) {
                encoder.matches(password, dummyHash);
                return null;
            }
            if (!encoder.matches(password, operator.get().getPasswordHash())) {
                return null;
            }
            PlatformOperator op = operator.get();
            return new HomewardUser(op.getId(), null, null, op.getEmail(), op.getDisplayName(),
                    Role.PLATFORM_OPERATOR, "en", 0);
        });
        if (user == null) {
            throttle.failed(key, ip);
            LOG.info("operator sign-in failed");
            return new SignInOutcome.Failed();
        }
        throttle.succeeded(key);
        LOG.info("operator sign-in account={}", user.accountId());
        return new SignInOutcome.Success(user);
    }

    /** The principal; its language is the account's own, else the clinic's default. */
    static HomewardUser principalOf(Account account, String clinicSlug, String clinicLanguage) {
        String language = account.getLanguage() != null ? account.getLanguage() : clinicLanguage;
        return new HomewardUser(account.getId(), account.getClinicId(), clinicSlug, account.getEmail(),
                account.getDisplayName(), account.getRole(), language, account.getSessionStamp());
    }
}
