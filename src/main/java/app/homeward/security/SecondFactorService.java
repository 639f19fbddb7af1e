package app.homeward.security;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The authenticator second factor (TOTP, RFC 6238): the second step of a sign-in, enrolment, recovery
 * codes, and resets by a clinic admin or the platform operator.
 * <p>
 * Not transactional as a whole: like {@link SignInService} it binds the clinic before each transaction
 * ({@link SecondFactorOwners}). The methods of a sign-in's second step are for a session that is not
 * signed in yet; they act only on the {@link PendingSignIn} the session holds, never on an id given to them.
 * Codes are throttled like passwords ({@link #throttled}), and a code is accepted once.
 */
@Service
public class SecondFactorService {

    private static final Logger LOG = LoggerFactory.getLogger(SecondFactorService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecondFactorOwners owners;
    private final SecondFactorSession session;
    private final SessionSignIn sessions;
    private final SecretBox box;
    private final SignInThrottle throttle;
    private final AuditTrail audit;
    private final AccountRepository accounts;
    private final SecondFactorSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    SecondFactorService(SecondFactorOwners owners, SecondFactorSession session, SessionSignIn sessions, SecretBox box,
                        SignInThrottle throttle, AuditTrail audit, AccountRepository accounts,
                        SecondFactorSettings settings, TransactionTemplate tx, Clock clock) {
        this.owners = owners;
        this.session = session;
        this.sessions = sessions;
        this.box = box;
        this.throttle = throttle;
        this.audit = audit;
        this.accounts = accounts;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    /** A new authenticator to add: the secret (base32) and the otpauth URI its QR code holds. */
    public record Enrolment(String secret, String otpauthUri) {

        /** The secret in groups of four, for typing it into an app by hand. */
        public String groupedSecret() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }

    /** The signed-in person's second factor. {@code since} is null while it is off. */
    public record Status(boolean on, boolean required, Instant since, int recoveryCodesLeft) {
    }

    /** An admin of a clinic as the operator sees them for a reset. */
    public record ClinicAdmin(UUID id, String displayName, String email, AccountStatus status, boolean secondFactorOn) {
    }

    /** What a code (or recovery code) came to. */
    public sealed interface CodeCheck {

        /**
         * Right. {@code next}: where a completed sign-in goes (null elsewhere); {@code recoveryCodes}: new
         * codes to show once (empty unless just issued); {@code recoveryCodeUsed}: a recovery code was used up.
         */
        record Accepted(String next, List<String> recoveryCodes, boolean recoveryCodeUsed, int recoveryCodesLeft)
                implements CodeCheck {
        }

        record Wrong() implements CodeCheck {
        }

        record Throttled(long secondsToWait) implements CodeCheck {
        }

        /** No sign-in or enrolment is waiting (it timed out, was completed, or the factor was reset). */
        record Expired() implements CodeCheck {
        }
    }

    // ---------------------------------------------------------------------------------------------
    // the second step of a sign-in (the session is not signed in yet)

    /** The sign-in this browser session is in the middle of, if any (and not timed out). */
    @PreAuthorize("permitAll()")
    public Optional<PendingSignIn> pending() {
        return session.pending(clock.instant());
    }

    /** The authenticator to add for a sign-in that must enrol one; the same one until it is confirmed. */
    @PreAuthorize("permitAll()")
    public Enrolment pendingEnrolment() {
        PendingSignIn pending = pending().filter(p -> p.step() == PendingSignIn.Step.ENROL)
                .orElseThrow(() -> new DomainException("second-factor.expired"));
        return propose(pending.user());
    }

    /** Confirms the new authenticator with its first code; on success the person is signed in. */
    @PreAuthorize("permitAll()")
    public CodeCheck confirmPendingEnrolment(String code, String ip) {
        Optional<PendingSignIn> pending = pending().filter(p -> p.step() == PendingSignIn.Step.ENROL);
        if (pending.isEmpty()) {
            return new CodeCheck.Expired();
        }
        CodeCheck check = confirm(pending.get().user(), code, ip);
        if (check instanceof CodeCheck.Accepted accepted) {
            String next = sessions.completeSecondStep(pending.get());
            return new CodeCheck.Accepted(next, accepted.recoveryCodes(), false, accepted.recoveryCodesLeft());
        }
        return check;
    }

    /** Checks the authenticator's code, or a recovery code; on success the person is signed in. */
    @PreAuthorize("permitAll()")
    public CodeCheck completeSignIn(String code, String ip) {
        Optional<PendingSignIn> pending = pending().filter(p -> p.step() == PendingSignIn.Step.CODE);
        if (pending.isEmpty()) {
            return new CodeCheck.Expired();
        }
        CodeCheck check = verify(pending.get().user(), code, ip, owner -> { });
        if (check instanceof CodeCheck.Accepted accepted) {
            String next = sessions.completeSecondStep(pending.get());
            LOG.info("second factor passed clinic={} account={}", pending.get().clinicId(), pending.get().user().accountId());
            return new CodeCheck.Accepted(next, List.of(), accepted.recoveryCodeUsed(), accepted.recoveryCodesLeft());
        }
        return check;
    }

    /** Abandons a sign-in waiting for its second step. */
    @PreAuthorize("permitAll()")
    public void cancelPending() {
        session.clearPending();
    }

    // ---------------------------------------------------------------------------------------------
    // the signed-in person's own second factor

    @PreAuthorize("isAuthenticated()")
    public Status myStatus() {
        HomewardUser me = CurrentUser.require();
        return owners.locked(me, owner -> new Status(owner.factor().isOn(), owner.required(),
                        owner.factor().isOn() ? owner.factor().confirmedAt() : null, owner.factor().recoveryCodesLeft()))
                .orElseThrow(NotFoundException::new);
    }

    /** Starts adding an authenticator (clients opt in; staff who signed in before it was required). */
    @PreAuthorize("isAuthenticated()")
    public Enrolment startMyEnrolment() {
        HomewardUser me = CurrentUser.require();
        if (myStatus().on()) {
            throw new DomainException("second-factor.already-on");
        }
        return propose(me);
    }

    @PreAuthorize("isAuthenticated()")
    public CodeCheck confirmMyEnrolment(String code, String ip) {
        return confirm(CurrentUser.require(), code, ip);
    }

    /** New recovery codes (the old ones stop working), after a current code. */
    @PreAuthorize("isAuthenticated()")
    public CodeCheck renewMyRecoveryCodes(String code, String ip) {
        HomewardUser me = CurrentUser.require();
        List<String> fresh = new ArrayList<>();
        CodeCheck check = verify(me, code, ip, owner -> {
            RecoveryCodes.Issued issued = RecoveryCodes.issue();
            owner.factor().replaceRecoveryCodes(issued.stored());
            fresh.addAll(issued.codes());
            audit.record(entry(AuditAction.SECOND_FACTOR_RECOVERY_CODES_RENEWED, me, owner));
        });
        return check instanceof CodeCheck.Accepted
                ? new CodeCheck.Accepted(null, List.copyOf(fresh), false, fresh.size()) : check;
    }

    /** Clients may turn their authenticator off again (after a current code); staff may not. */
    @PreAuthorize("hasRole('CLIENT')")
    public CodeCheck turnOffMine(String code, String ip) {
        HomewardUser me = CurrentUser.require();
        return verify(me, code, ip, owner -> {
            owner.factor().clear();
            audit.record(entry(AuditAction.SECOND_FACTOR_TURNED_OFF, me, owner));
            LOG.info("second factor turned off clinic={} account={}", owner.clinicId(), owner.id());
        });
    }

    /**
     * Whether this is the signed-in person's current code (or an unused recovery code, which it uses up),
     * throttled and never accepting a code twice: for re-authentication before sensitive changes.
     * Accepted also when the person has no authenticator: there is no code to ask for.
     */
    @PreAuthorize("isAuthenticated()")
    public CodeCheck checkMyCode(String code, String ip) {
        HomewardUser me = CurrentUser.require();
        if (!myStatus().on()) {
            return new CodeCheck.Accepted(null, List.of(), false, 0);
        }
        return verify(me, code, ip, owner -> { });
    }

    // ---------------------------------------------------------------------------------------------
    // resets by a clinic admin and by the operator

    /** The current clinic's accounts whose authenticator is on. */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    public Set<UUID> accountsWithSecondFactor() {
        return new HashSet<>(tx.execute(status -> accounts.findIdsWithSecondFactor()));
    }

    /**
     * A clinic admin removes a colleague's (or a client's) authenticator, e.g. after a lost phone: the
     * account's sessions end, and its next sign-in sets up a new one (staff) or needs none (clients).
     * Not one's own: that takes a recovery code, another admin or the operator.
     */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    public void reset(UUID accountId) {
        HomewardUser me = CurrentUser.require();
        if (me.accountId().equals(accountId)) {
            throw new DomainException("second-factor.reset-self");
        }
        owners.lockedAccount(accountId, owner -> resetOwner(me, owner)).orElseThrow(NotFoundException::new);
    }

    /** The admins of a clinic, for the operator. */
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    public List<ClinicAdmin> clinicAdmins(UUID clinicId) {
        return TenantContext.callAs(clinicId, () -> tx.execute(status ->
                accounts.findByRoleInOrderByDisplayNameAsc(List.of(Role.CLINIC_ADMIN)).stream()
                        .map(a -> new ClinicAdmin(a.getId(), a.getDisplayName(), a.getEmail(), a.getStatus(),
                                a.secondFactor().isOn()))
                        .toList()));
    }

    /** The operator removes a clinic admin's authenticator (nobody else's); the admin's sessions end. */
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    public void resetClinicAdmin(UUID clinicId, UUID accountId) {
        HomewardUser me = CurrentUser.require();
        TenantContext.callAs(clinicId, () -> owners.lockedAccount(accountId,
                        owner -> owner.role() == Role.CLINIC_ADMIN ? resetOwner(me, owner) : null))
                .orElseThrow(NotFoundException::new);
    }

    // ---------------------------------------------------------------------------------------------

    private Boolean resetOwner(HomewardUser actor, SecondFactorOwners.Owner owner) {
        owner.factor().clear();
        owner.endSessions().run();
        audit.record(entry(AuditAction.SECOND_FACTOR_RESET, actor, owner).object(AuditObject.ACCOUNT, owner.id())
                .detail(owner.role().name().toLowerCase(Locale.ROOT).replace('_', '-')));
        LOG.info("second factor reset clinic={} account={}", owner.clinicId(), owner.id());
        return Boolean.TRUE;
    }

    private Enrolment propose(HomewardUser user) {
        UUID owner = user.accountId();
        String sealed = session.proposal(owner).orElseGet(() -> {
            byte[] secret = new byte[Totp.SECRET_BYTES];
            RANDOM.nextBytes(secret);
            String fresh = box.seal(secret, owner);
            session.propose(owner, fresh);
            return fresh;
        });
        String secret = Base32.encode(box.open(sealed, owner));
        return new Enrolment(secret, otpauthUri(user.email(), secret));
    }

    /** The Key URI Format authenticator apps read from the QR code. */
    private String otpauthUri(String accountName, String secret) {
        String issuer = encode(settings.issuer());
        return "otpauth://totp/" + issuer + ":" + encode(accountName) + "?secret=" + secret + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP.toSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Confirms the proposed secret with its first code and issues recovery codes. */
    private CodeCheck confirm(HomewardUser user, String code, String ip) {
        Optional<String> sealed = session.proposal(user.accountId());
        if (sealed.isEmpty()) {
            return new CodeCheck.Expired();
        }
        CodeCheck check = throttled(user.accountId(), ip, () -> owners.locked(user, owner -> {
            if (owner.factor().isOn() || owner.status() != AccountStatus.ACTIVE) {
                return (CodeCheck) new CodeCheck.Expired();
            }
            Instant now = clock.instant();
            OptionalLong step = Totp.match(box.open(sealed.get(), owner.id()), code, now, null);
            if (step.isEmpty()) {
                return new CodeCheck.Wrong();
            }
            RecoveryCodes.Issued issued = RecoveryCodes.issue();
            owner.factor().confirm(sealed.get(), now, step.getAsLong(), issued.stored());
            audit.record(entry(AuditAction.SECOND_FACTOR_ENROLLED, user, owner));
            LOG.info("second factor enrolled clinic={} account={}", owner.clinicId(), owner.id());
            return new CodeCheck.Accepted(null, issued.codes(), false, issued.codes().size());
        }).orElse(new CodeCheck.Expired()));
        if (check instanceof CodeCheck.Accepted) {
            session.clearProposal();
        }
        return check;
    }

    /**
     * Checks a code from the authenticator (6 digits) or a recovery code against the owner's second
     * factor and, when right, runs {@code then} in the same transaction, on the locked row.
     */
    private CodeCheck verify(HomewardUser user, String code, String ip, Consumer<SecondFactorOwners.Owner> then) {
        return throttled(user.accountId(), ip, () -> owners.locked(user, owner -> {
            SecondFactor factor = owner.factor();
            if (!factor.isOn() || owner.status() != AccountStatus.ACTIVE) {
                return (CodeCheck) new CodeCheck.Expired();
            }
            boolean recovery = !Totp.looksLikeCode(code);
            if (recovery) {
                Optional<String> rest = RecoveryCodes.use(factor.recoveryCodes(), code);
                if (rest.isEmpty()) {
                    return new CodeCheck.Wrong();
                }
                factor.replaceRecoveryCodes(rest.get());
                audit.record(entry(AuditAction.SECOND_FACTOR_RECOVERY_CODE_USED, user, owner));
                LOG.info("recovery code used clinic={} account={}", owner.clinicId(), owner.id());
            } else {
                OptionalLong step = Totp.match(box.open(factor.secret(), owner.id()), code, clock.instant(),
                        factor.lastUsedStep());
                if (step.isEmpty()) {
                    return new CodeCheck.Wrong();
                }
                factor.used(step.getAsLong());
            }
            then.accept(owner);
            return new CodeCheck.Accepted(null, List.of(), recovery, factor.recoveryCodesLeft());
        }).orElse(new CodeCheck.Expired()));
    }

    /**
     * The one place codes meet the throttle: the shared, database-backed delay for codes (per account up
     * to 15 minutes, per address up to 60 s, counted apart from passwords: decision 0027).
     */
    private CodeCheck throttled(UUID owner, String ip, Supplier<CodeCheck> check) {
        long wait = throttle.secondsToWaitForCode(owner, ip);
        if (wait > 0) {
            return new CodeCheck.Throttled(wait);
        }
        CodeCheck result = check.get();
        if (result instanceof CodeCheck.Wrong) {
            throttle.secondFactorFailed(owner, ip);
            LOG.info("second factor code wrong account={}", owner);
        } else if (result instanceof CodeCheck.Accepted) {
            throttle.secondFactorSucceeded(owner);
        }
        return result;
    }

    /**
     * A record of who did it, in whose trail: the person may not be signed in yet (enrolment and codes happen
     * before the sign-in completes), so actor and clinic are given; an operator's go to the platform's trail.
     */
    private static AuditEntry entry(AuditAction action, HomewardUser actor, SecondFactorOwners.Owner owner) {
        UUID clinic = owner.clinicId() != null ? owner.clinicId() : AuditTrail.PLATFORM;
        return AuditEntry.of(action).actor(actor.accountId(), actor.role().name()).clinic(clinic);
    }
}
