package app.homeward.mail;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditTrail;
import app.homeward.base.DomainException;
import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.base.Text;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.CurrentClinic;
import app.homeward.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The discreet sender (decision 0024): a clinic may have every email and calendar file show a neutral
 * name instead of its own: in the From display name, the subject, the text, and the .ics summary.
 * {@link MailService} applies it to every email it renders; the calendar export and the few places that
 * name a clinic to someone arriving from an email ask here.
 */
@Service
public class MailIdentities {

    private static final Logger LOG = LoggerFactory.getLogger(MailIdentities.class);
    static final int MAX_NAME = 60;
    /** Characters that would make a From display name look like an address, or break out of it. */
    private static final Pattern ADDRESS_LIKE = Pattern.compile("[<>@\"\\\\;:,\\[\\]]");

    private final ClinicMailIdentityRepository identities;
    private final ClinicDirectory clinics;
    private final Messages messages;
    private final TransactionTemplate readOnItsOwn;
    private final Clock clock;

    @PersistenceContext
    private EntityManager entityManager;

    private final AuditTrail audit;

    MailIdentities(ClinicMailIdentityRepository identities, ClinicDirectory clinics, Messages messages,
                   PlatformTransactionManager transactions, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.identities = identities;
        this.clinics = clinics;
        this.messages = messages;
        this.clock = clock;
        this.readOnItsOwn = new TransactionTemplate(transactions);
        readOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        readOnItsOwn.setReadOnly(true);
    }

    // ---------------------------------------------------------------- the clinic admin's setting

    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional(readOnly = true)
    public MailIdentitySettings settings(Locale locale) {
        var identity = identities.findByClinic(myClinic());
        return new MailIdentitySettings(identity.map(ClinicMailIdentity::isDiscreet).orElse(false),
                identity.map(ClinicMailIdentity::getNeutralName).orElse(""), defaultName(locale));
    }

    /**
     * Turns the discreet sender on or off. The neutral name is optional (empty: the default, in each
     * recipient's language), at most 60 characters, nothing that looks like an email address, and must
     * not contain the clinic's own name.
     */
    @PreAuthorize("hasRole('CLINIC_ADMIN')")
    @Transactional
    public void update(boolean discreet, String neutralName) {
        UUID clinicId = myClinic();
        String name = Text.clean(neutralName);
        if (name.length() > MAX_NAME) {
            throw new DomainException("neutralName", "validation.too-long", MAX_NAME);
        }
        if (ADDRESS_LIKE.matcher(name).find()) {
            throw new DomainException("neutralName", "settings.mail.neutral-characters");
        }
        String clinicName = clinics.findById(clinicId).map(ClinicBranding::name).orElse("");
        if (!name.isEmpty() && revealsClinic(name, clinicName)) {
            throw new DomainException("neutralName", "settings.mail.neutral-is-clinic");
        }
        ClinicMailIdentity identity = identities.findByClinic(clinicId)
                .orElseGet(() -> identities.save(new ClinicMailIdentity(clock.instant())));
        identity.change(discreet, name.isEmpty() ? null : name, clock.instant());
        audit.record(AuditEntry.of(AuditAction.SETTINGS_CHANGED).detail("discreet-sender"));
        LOG.info("mail identity changed clinic={} discreet={}", clinicId, discreet);
    }

    private static boolean revealsClinic(String neutral, String clinicName) {
        String a = neutral.toLowerCase(Locale.ROOT);
        String b = Text.clean(clinicName).toLowerCase(Locale.ROOT);
        return !b.isEmpty() && a.contains(b);
    }

    private static UUID myClinic() {
        return CurrentClinic.id().orElseThrow(NotFoundException::new);
    }

    // ---------------------------------------------------------------- what mail shows

    /**
     * How the clinic appears in its mail. Reads in the current transaction when its session may see the
     * clinic's row (so a request that sends mail borrows no second connection: "forgot password" must
     * cost the same whether or not it finds an account), else in a short one of its own for that clinic.
     */
    @PreAuthorize("permitAll()")
    public ClinicSender sender(UUID clinicId) {
        if (clinicId == null) {
            return ClinicSender.ownName(null);
        }
        if (currentSessionSees(clinicId)) {
            return read(clinicId);
        }
        return TenantContext.callAs(clinicId, () -> readOnItsOwn.execute(status -> read(clinicId)));
    }

    /** Several clinics at once, in the caller's transaction (which must see them all, e.g. root scope). */
    @PreAuthorize("permitAll()")
    public Map<UUID, ClinicSender> senders(Collection<UUID> clinicIds) {
        Map<UUID, ClinicSender> senders = new HashMap<>();
        clinicIds.forEach(id -> senders.put(id, ClinicSender.ownName(id)));
        if (!clinicIds.isEmpty()) {
            List<ClinicMailIdentity> found = identities.findByClinics(clinicIds);
            found.forEach(i -> senders.put(i.getClinicId(), of(i)));
        }
        return senders;
    }

    /** The name to show for the clinic: its own, or the neutral one in this language. */
    @PreAuthorize("permitAll()")
    public String shownName(ClinicSender sender, String clinicName, Locale locale) {
        if (!sender.discreet()) {
            return clinicName;
        }
        return sender.neutralName() != null ? sender.neutralName() : defaultName(locale);
    }

    /** Shorthand for {@link #sender} then {@link #shownName}. */
    @PreAuthorize("permitAll()")
    public String shownName(UUID clinicId, String clinicName, Locale locale) {
        return shownName(sender(clinicId), clinicName, locale);
    }

    String defaultName(Locale locale) {
        return messages.getTranslation("mail.neutral-name", Messages.supported(locale));
    }

    private ClinicSender read(UUID clinicId) {
        return identities.findByClinic(clinicId).map(MailIdentities::of).orElse(ClinicSender.ownName(clinicId));
    }

    private static ClinicSender of(ClinicMailIdentity identity) {
        return new ClinicSender(identity.getClinicId(), identity.isDiscreet(), identity.getNeutralName());
    }

    private boolean currentSessionSees(UUID clinicId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        Object tenant = entityManager.unwrap(Session.class).getTenantIdentifierValue();
        return clinicId.equals(tenant) || TenantContext.ROOT.equals(tenant);
    }
}
