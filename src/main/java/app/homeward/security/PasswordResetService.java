package app.homeward.security;

import app.homeward.base.LinkTokens;
import org.springframework.security.access.prepost.PreAuthorize;
import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.EmailAddress;
import app.homeward.base.Links;
import app.homeward.base.Messages;
import app.homeward.mail.MailService;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Forgot password: an emailed single-use link, valid 30 minutes, stored hashed. The page answers
 * the same whether or not the email has an account. A reset ends every session of the account.
 */
@Service
public class PasswordResetService {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordResetService.class);

    private final ClinicDirectory clinics;
    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final AccountDirectory directory;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final MailService mail;
    private final Links links;
    private final RateLimits limits;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditTrail audit;

    PasswordResetService(ClinicDirectory clinics, AccountRepository accounts, AccountTokenRepository tokens,
                         AccountDirectory directory, PasswordPolicy policy, PasswordEncoder encoder, MailService mail,
                         Links links, RateLimits limits, TransactionTemplate tx, Clock clock, AuditTrail audit) {
        this.clock = clock;
        this.audit = audit;
        this.clinics = clinics;
        this.accounts = accounts;
        this.tokens = tokens;
        this.directory = directory;
        this.policy = policy;
        this.encoder = encoder;
        this.mail = mail;
        this.links = links;
        this.limits = limits;
        this.tx = tx;
    }

    /** Always "fine" to the caller; sends a link only when an active account has this email. */
    @PreAuthorize("permitAll()")
    public void requestReset(String clinicSlug, String email, String ip) {
        String address = EmailAddress.require("email", email);
        Optional<ClinicBranding> clinic = clinics.findActiveBySlug(clinicSlug);
        if (clinic.isEmpty()
                || !limits.tryAcquire(RateLimits.Limit.PASSWORD_RESET_IP, ip)
                || !limits.tryAcquire(RateLimits.Limit.PASSWORD_RESET_EMAIL, clinic.get().id() + "/" + address)) {
            return;
        }
        ClinicBranding c = clinic.get();
        TenantContext.runAs(c.id(), () -> tx.executeWithoutResult(status ->
                accounts.findByEmail(address).filter(a -> a.getStatus() == AccountStatus.ACTIVE).ifPresent(account -> {
                    String token = directory.issueToken(account.getId(), TokenPurpose.PASSWORD_RESET);
                    Locale language = Messages.forLanguageTag(
                            account.getLanguage() != null ? account.getLanguage() : c.defaultLanguage());
                    // the reset page speaks the email's language
                    mail.send(c.id(), account.getEmail(), language,
                            "password-reset", Map.of("clinicName", c.name(), "recipientName", account.getDisplayName(),
                                    "link", links.absolute("/c/" + c.slug() + "/reset/" + token + "?lang=" + language.getLanguage())));
                    LOG.info("password reset requested clinic={} account={}", c.id(), account.getId());
                })));
    }

    @PreAuthorize("permitAll()")
    public boolean tokenUsable(String clinicSlug, String token) {
        return clinics.findActiveBySlug(clinicSlug).map(c -> TenantContext.callAs(c.id(),
                () -> tx.execute(status -> find(token).isPresent()))).orElse(false);
    }

    /** Sets the new password, uses up the link and ends every session of the account. */
    @PreAuthorize("permitAll()")
    public void reset(String clinicSlug, String token, String newPassword) {
        ClinicBranding clinic = clinics.findActiveBySlug(clinicSlug).orElseThrow(() -> new DomainException("reset.invalid"));
        TenantContext.runAs(clinic.id(), () -> tx.executeWithoutResult(status -> {
            AccountToken t = find(token).orElseThrow(() -> new DomainException("reset.invalid"));
            Account account = directory.require(t.getAccountId());
            policy.check(newPassword, account.getEmail(), account.getDisplayName(), clinic.name() + " " + clinic.slug());
            account.changePassword(encoder.encode(newPassword));
            t.use(clock.instant());
            audit.record(AuditEntry.of(AuditAction.PASSWORD_RESET).actor(account.getId(), account.getRole().name()));
            LOG.info("password reset clinic={} account={}", clinic.id(), account.getId());
        }));
    }

    private Optional<AccountToken> find(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(LinkTokens.hash(token)).filter(t -> t.usable(TokenPurpose.PASSWORD_RESET, now));
    }
}
