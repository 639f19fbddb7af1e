package app.homeward.security;

import app.homeward.base.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Confirm it's you": before a signed-in person changes how they sign in (email, password, second
 * factor), they give their password again, and every {@link ReauthenticationCheck} that applies to them
 * (the second factor's code where enrolled). That holds for {@link #VALIDITY} in this session only, and
 * the session gets a new id, as at sign-in.
 * Wrong answers are throttled as sign-in failures are ({@link SignInThrottle}), per account and address.
 */
@Service
public class Reauthentication {

    /** How long one confirmation covers changes in this session. */
    public static final Duration VALIDITY = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(Reauthentication.class);
    private static final int MAX_INPUT = 1024;

    private final AccountRepository accounts;
    private final PlatformOperatorRepository operators;
    private final PasswordEncoder encoder;
    private final SignInThrottle throttle;
    private final SessionSignIn sessions;
    private final List<ReauthenticationCheck> checks;
    private final Clock clock;

    Reauthentication(AccountRepository accounts, PlatformOperatorRepository operators, PasswordEncoder encoder,
                     SignInThrottle throttle, SessionSignIn sessions, List<ReauthenticationCheck> checks, Clock clock) {
        this.accounts = accounts;
        this.operators = operators;
        this.encoder = encoder;
        this.throttle = throttle;
        this.sessions = sessions;
        this.checks = List.copyOf(checks);
        this.clock = clock;
    }

    /** A factor besides the password that this person must give, as the dialog shows it. */
    public record Factor(String field, String labelKey) {
    }

    /** The factors besides the password that the signed-in person must give. */
    @PreAuthorize("isAuthenticated()")
    public List<Factor> extraFactors() {
        HomewardUser user = CurrentUser.require();
        return checks.stream().filter(c -> c.appliesTo(user)).map(c -> new Factor(c.field(), c.labelKey())).toList();
    }

    /** Whether this session confirmed the person's identity within the last {@link #VALIDITY}. */
    @PreAuthorize("isAuthenticated()")
    public boolean isRecent() {
        Instant at = CurrentUser.require().reauthenticatedAt();
        Instant now = clock.instant();
        return at != null && !at.isAfter(now) && now.isBefore(at.plus(VALIDITY));
    }

    /**
     * Checks the password and the other factors; when all match, this session counts as re-authenticated
     * for {@link #VALIDITY}. Otherwise a {@link DomainException} on the field that did not match, or
     * (throttled) on the form.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void confirm(String password, Map<String, String> factors, String ip) {
        HomewardUser user = CurrentUser.require();
        String key = "reauth/" + user.accountId();
        long wait = throttle.secondsToWait(key, ip);
        if (wait > 0) {
            throw new DomainException(null, "signin.throttled", wait);
        }
        if (password == null || password.isEmpty() || password.length() > MAX_INPUT
                || passwordHash(user).map(hash -> !encoder.matches(password, hash)).orElse(true)) {
            throttle.failed(key, ip);
            LOG.info("re-authentication failed clinic={} account={}", user.clinicId(), user.accountId());
            throw new DomainException("password", "reauth.wrong-password");
        }
        for (ReauthenticationCheck check : checks) {
            if (check.appliesTo(user) && !check.verify(user, factors == null ? null : factors.get(check.field()))) {
                throttle.failed(key, ip);
                LOG.info("re-authentication failed clinic={} account={}", user.clinicId(), user.accountId());
                throw new DomainException(check.field(), "reauth.wrong-code");
            }
        }
        throttle.succeeded(key);
        sessions.renew(user.withReauthenticationAt(clock.instant()));
        LOG.info("re-authenticated clinic={} account={}", user.clinicId(), user.accountId());
    }

    /**
     * For services that change how a person signs in: refuses unless this session re-authenticated within
     * {@link #VALIDITY} ({@code reauth.required}, for the view to ask again).
     */
    @PreAuthorize("isAuthenticated()")
    public void requireRecent() {
        if (!isRecent()) {
            throw new DomainException("reauth.required");
        }
    }

    private Optional<String> passwordHash(HomewardUser user) {
        return user.isOperator()
                ? operators.findById(user.accountId()).map(PlatformOperator::getPasswordHash)
                : accounts.findById(user.accountId()).map(Account::getPasswordHash);
    }
}
