package app.homeward.security;

import app.homeward.base.DomainException;
import app.homeward.base.EmailAddress;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Changing one's sign-in email. The signed-in person confirms who they are ({@link Reauthentication}),
 * asks for the new address, and gets a single-use link there (24 hours, stored hashed). Opening it, in
 * any browser, moves the account to the new address (if no other account of the clinic has it: emails
 * are unique per clinic), ends every session of the account (they carry the old address) and tells the
 * old address that it changed.
 */
@Service
public class EmailChangeService {

    private static final Logger LOG = LoggerFactory.getLogger(EmailChangeService.class);

    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final Reauthentication reauthentication;
    private final ClinicDirectory clinics;
    private final MailService mail;
    private final Links links;
    private final RateLimits limits;
    private final TransactionTemplate tx;
    private final Clock clock;

    EmailChangeService(AccountRepository accounts, AccountTokenRepository tokens, Reauthentication reauthentication,
                       ClinicDirectory clinics, MailService mail, Links links, RateLimits limits,
                       TransactionTemplate tx, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.reauthentication = reauthentication;
        this.clinics = clinics;
        this.mail = mail;
        this.links = links;
        this.limits = limits;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Emails a confirmation link to {@code newEmail}; nothing changes until it is opened. An earlier link
     * that was not used stops working. Needs a recent re-authentication.
     */
    @PreAuthorize("isAuthenticated() and !hasRole('PLATFORM_OPERATOR')")
    @Transactional
    public void request(String newEmail) {
        HomewardUser me = CurrentUser.require();
        Account account = accounts.findById(me.accountId()).orElseThrow(NotFoundException::new);
        String address = EmailAddress.require("email", newEmail);
        if (address.equals(account.getEmail())) {
            throw new DomainException("email", "account.email.same");
        }
        reauthentication.requireRecent();
        // Whether another account here has this address is not said now: a client could otherwise learn who
        // else is a client of their clinic. The link goes to that address, and opening it says so (confirm).
        if (!limits.tryAcquire(RateLimits.Limit.EMAIL_CHANGE, me.accountId().toString())) {
            throw new DomainException("email", "account.email.too-many");
        }
        Instant now = clock.instant();
        tokens.findByAccountIdAndPurposeAndUsedAtIsNull(account.getId(), TokenPurpose.CHANGE_EMAIL).forEach(t -> t.use(now));
        String token = LinkTokens.newToken();
        tokens.save(AccountToken.emailChange(account.getId(), LinkTokens.hash(token), address, now));
        ClinicBranding clinic = clinics.findById(me.clinicId()).orElseThrow(NotFoundException::new);
        mail.send(clinic.id(), address, me.locale(), "email-change", Map.of("clinicName", clinic.name(),
                "recipientName", account.getDisplayName(),
                "link", links.absolute("/c/" + clinic.slug() + "/confirm-email/" + token)));
        LOG.info("email change requested clinic={} account={}", clinic.id(), account.getId());
    }

    /** Whether this link can still change an email at this clinic (for the page that opens it). */
    @PreAuthorize("permitAll()")
    public boolean tokenUsable(String clinicSlug, String token) {
        return clinics.findActiveBySlug(clinicSlug).map(c -> TenantContext.callAs(c.id(),
                () -> tx.execute(status -> find(token).isPresent()))).orElse(false);
    }

    /**
     * Opens the link: the account's sign-in email becomes the new address, every session of the account
     * ends, and the old address is told. Anyone holding the link may open it: it went to the new address.
     *
     * @return the new address
     */
    @PreAuthorize("permitAll()")
    public String confirm(String clinicSlug, String token) {
        ClinicBranding clinic = clinics.findActiveBySlug(clinicSlug)
                .orElseThrow(() -> new DomainException("account.email.link-invalid"));
        return TenantContext.callAs(clinic.id(), () -> tx.execute(status -> {
            AccountToken t = find(token).orElseThrow(() -> new DomainException("account.email.link-invalid"));
            Account account = accounts.findById(t.getAccountId())
                    .filter(a -> a.getStatus() == AccountStatus.ACTIVE)
                    .orElseThrow(() -> new DomainException("account.email.link-invalid"));
            String address = t.getNewEmail();
            if (accounts.existsByEmail(address)) {
                throw new DomainException("account.email-taken");
            }
            String oldAddress = account.getEmail();
            account.changeEmail(address);
            t.use(clock.instant());
            mail.send(clinic.id(), oldAddress,
                    Messages.forLanguageTag(account.getLanguage() != null ? account.getLanguage() : clinic.defaultLanguage()),
                    "email-changed", Map.of("clinicName", clinic.name(), "recipientName", account.getDisplayName()));
            LOG.info("email changed clinic={} account={}", clinic.id(), account.getId());
            return address;
        }));
    }

    private Optional<AccountToken> find(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(LinkTokens.hash(token)).filter(t -> t.usable(TokenPurpose.CHANGE_EMAIL, now));
    }
}
