package app.homeward.clinic;

import org.springframework.security.access.prepost.PreAuthorize;
import app.homeward.base.DomainException;
import app.homeward.base.EmailAddress;
import app.homeward.base.Links;
import app.homeward.base.Messages;
import app.homeward.base.Text;
import app.homeward.mail.MailService;
import app.homeward.security.AccountDirectory;
import app.homeward.security.HomewardUser;
import app.homeward.security.PasswordPolicy;
import app.homeward.security.RateLimits;
import app.homeward.security.Role;
import app.homeward.security.TokenPurpose;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicStatus;
import app.homeward.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Self-service clinic signup: the clinic starts PENDING_VERIFICATION with its admin, and the emailed
 * link (single use, 24 hours) activates both and signs the admin in. Clinic, admin and token are created
 * in one transaction, so a failure leaves nothing half-saved.
 */
@Service
public class SignupService {

    private static final Logger LOG = LoggerFactory.getLogger(SignupService.class);
    public static final int MAX_CLINIC_NAME = 120;

    private final ClinicDirectory clinics;
    private final AccountDirectory accounts;
    private final PasswordPolicy passwords;
    private final MailService mail;
    private final Links links;
    private final RateLimits limits;
    private final TransactionTemplate tx;

    SignupService(ClinicDirectory clinics, AccountDirectory accounts, PasswordPolicy passwords, MailService mail,
                  Links links, RateLimits limits, TransactionTemplate tx) {
        this.clinics = clinics;
        this.accounts = accounts;
        this.passwords = passwords;
        this.mail = mail;
        this.links = links;
        this.limits = limits;
        this.tx = tx;
    }

    public record Request(String clinicName, String slug, String adminName, String email, String password,
                          String timeZone, String language, boolean agreed) {
    }

    public record Result(UUID clinicId, String slug, String email) {
    }

    @PreAuthorize("permitAll()")
    public Result signUp(Request request, String ip) {
        String clinicName = requireClinicName(request.clinicName());
        String slug = Slugs.require(request.slug());
        String adminName = Text.clean(request.adminName());
        if (adminName.isEmpty()) {
            throw new DomainException("name", "validation.required");
        }
        String email = EmailAddress.require("email", request.email());
        passwords.check(request.password(), email, adminName, clinicName + " " + slug);
        ZoneId zone = zone(request.timeZone());
        String language = Messages.forLanguageTag(request.language()).getLanguage();
        if (!request.agreed()) {
            throw new DomainException("agreed", "signup.agree-required");
        }
        if (clinics.slugTaken(slug)) {
            throw new DomainException("slug", "signup.slug-taken");
        }
        if (!limits.tryAcquire(RateLimits.Limit.SIGNUP, ip)) {
            throw new DomainException("rate-limited");
        }
        UUID clinicId = UUID.randomUUID();
        try {
            TenantContext.runAs(clinicId, () -> tx.executeWithoutResult(status -> {
                clinics.create(clinicId, slug, clinicName, zone, language, ClinicStatus.PENDING_VERIFICATION);
                UUID adminId = accounts.provision(email, adminName, Role.CLINIC_ADMIN, false, request.password());
                String token = accounts.issueToken(adminId, TokenPurpose.VERIFY_CLINIC);
                mail.send(clinicId, email, Messages.forLanguageTag(language), "verify-clinic",
                        Map.of("clinicName", clinicName, "recipientName", adminName,
                                "link", links.absolute("/c/" + slug + "/verify/" + token)));
            }));
        } catch (DataIntegrityViolationException raced) {
            // someone took the same address a moment ago
            throw new DomainException("slug", "signup.slug-taken");
        }
        LOG.info("clinic signed up clinic={}", clinicId);
        return new Result(clinicId, slug, email);
    }

    /** Activates the clinic and its admin; returns the admin to sign in, or empty if the link is not valid. */
    @PreAuthorize("permitAll()")
    public Optional<HomewardUser> verify(String slug, String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Optional<ClinicBranding> clinic = clinics.findBySlug(slug)
                .filter(c -> c.status() != ClinicStatus.SUSPENDED);
        return clinic.flatMap(c -> TenantContext.callAs(c.id(), () -> tx.execute(status -> {
            Optional<HomewardUser> admin = accounts.verifyAndActivate(token, c.slug(), c.defaultLanguage());
            if (admin.isPresent() && c.status() == ClinicStatus.PENDING_VERIFICATION) {
                clinics.activate(c.id());
                LOG.info("clinic verified clinic={}", c.id());
            }
            return admin;
        })));
    }

    /** Whether a clinic at this address could be created (format, reserved words, taken). */
    @PreAuthorize("permitAll()")
    public Optional<String> slugProblem(String slug) {
        try {
            String valid = Slugs.require(slug);
            return clinics.slugTaken(valid) ? Optional.of("signup.slug-taken") : Optional.empty();
        } catch (DomainException e) {
            return Optional.of(e.messageKey());
        }
    }

    static String requireClinicName(String input) {
        String name = Text.clean(input);
        if (name.isEmpty()) {
            throw new DomainException("clinicName", "validation.required");
        }
        if (name.length() > MAX_CLINIC_NAME) {
            throw new DomainException("clinicName", "validation.too-long", MAX_CLINIC_NAME);
        }
        return name;
    }

    static ZoneId zone(String id) {
        try {
            return ZoneId.of(id == null || id.isBlank() ? "UTC" : id.strip());
        } catch (DateTimeException e) {
            throw new DomainException("timeZone", "validation.choose");
        }
    }
}
