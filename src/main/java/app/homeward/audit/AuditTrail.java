package app.homeward.audit;

import app.homeward.base.RequestOrigin;
import app.homeward.tenancy.ClinicPrincipal;
import app.homeward.tenancy.CurrentClinic;
import app.homeward.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Records what happens into the audit trail. Services call it (they are the security boundary and know the
 * client); views never do. Nothing here is a name, an email or an answer: ids, codes, the time from the
 * application's clock, the address the request came from, the outcome.
 * <p>
 * A change made in a transaction is recorded in that transaction (both commit or neither). Views, downloads,
 * sign-ins and session ends are queued and written in batches after the page's transaction, so recording a
 * view adds no statement to the page; a success is queued only if the page's transaction commits, a refusal
 * or failure in any case. See decision 0028.
 */
@Service
public class AuditTrail {

    /** The platform's own trail (operators' sign-ins and actions): a clinic id no clinic can have. */
    public static final UUID PLATFORM = new UUID(0L, 1L);
    /**
     * The trail's table. Append-only: the application never deletes from it, not when a client is erased and
     * not when a clinic is deleted (a proof that no row of a deleted clinic remains leaves it out).
     */
    public static final String TABLE = "audit_record";

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final String OPERATOR = "PLATFORM_OPERATOR";
    private static final int MAX_IP = 45;
    private static final int MAX_EMAIL = 254;

    private final AuditRecordRepository records;
    private final EntityManager entityManager;
    private final Clock clock;
    private final AuditWriter writer;
    private final SecretKeySpec emailKey;

    AuditTrail(AuditRecordRepository records, EntityManager entityManager, PlatformTransactionManager transactions,
               Clock clock, AuditProperties properties) {
        this.records = records;
        this.entityManager = entityManager;
        this.clock = clock;
        this.emailKey = emailKey(properties.emailKey());
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        int batchSize = properties.batchSize();
        this.writer = new AuditWriter((clinicId, pending) -> TenantContext.runAs(clinicId, () -> tx.executeWithoutResult(status -> {
            entityManager.unwrap(Session.class).setJdbcBatchSize(batchSize);
            records.saveAll(pending.stream().map(AuditRecord::new).toList());
        })), properties.flushInterval(), batchSize, properties.queueCapacity());
    }

    /** The background writer, started and stopped with the application. */
    AuditWriter writer() {
        return writer;
    }

    /** Records an action of whoever is signed in (or of the actor the entry names). */
    public void record(AuditEntry entry) {
        PendingRecord pending = resolve(entry, null);
        if (pending != null) {
            store(pending);
        }
    }

    /**
     * Records an attempt made with an email that matches no account (a sign-in, a reset request): the entry
     * carries no actor, and the email is kept only as a keyed hash, so repeated attempts with the same
     * address can be told apart from scattered ones without the trail ever holding the address.
     */
    public void recordUnknownEmail(AuditEntry entry, String typedEmail) {
        PendingRecord pending = resolve(entry, hash(typedEmail));
        if (pending != null) {
            store(pending);
        }
    }

    /** Records an action of the given (possibly no longer current) authentication, e.g. one that just signed out. */
    void recordFor(Authentication authentication, AuditEntry entry) {
        if (authentication.getPrincipal() instanceof ClinicPrincipal principal) {
            String role = role(authentication);
            UUID clinic = OPERATOR.equals(role) ? PLATFORM : principal.clinicId();
            record(entry.actor(uuid(authentication.getName()), role).clinic(clinic));
        }
    }

    /** Writes every queued record now (tests; the background writer does this every second). */
    public void flush() {
        writer.flush();
    }

    /** The keyed hash of an email as {@link #recordUnknownEmail} stores it (hex HMAC-SHA-256 of the trimmed, lower-cased address). */
    String hash(String typedEmail) {
        String normal = typedEmail == null ? "" : typedEmail.strip().toLowerCase(Locale.ROOT);
        if (normal.length() > MAX_EMAIL) {
            normal = normal.substring(0, MAX_EMAIL);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(emailKey);
            return HexFormat.of().formatHex(mac.doFinal(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    // ------------------------------------------------------------------ resolving who, where, when

    private PendingRecord resolve(AuditEntry entry, String subjectHash) {
        UUID actor = entry.actorId();
        String role = entry.actorRole();
        if (actor == null && role == null && subjectHash == null) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof ClinicPrincipal) {
                actor = uuid(authentication.getName());
                role = role(authentication);
            }
        }
        UUID clinic = entry.clinicId();
        if (clinic == null) {
            clinic = OPERATOR.equals(role) ? PLATFORM : CurrentClinic.id().orElse(null);
        }
        if (clinic == null) {
            LOG.warn("audit record without a clinic ignored action={}", entry.action().code());
            return null;
        }
        return new PendingRecord(clinic, clock.instant(), actor, role, entry.action(), entry.outcome(),
                entry.clientId(), entry.objectType(), entry.objectId(), entry.detail(),
                address(entry.ip() != null ? entry.ip() : RequestOrigin.current()), subjectHash);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private static String role(Authentication authentication) {
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                return name.substring("ROLE_".length());
            }
        }
        return null;
    }

    private static String address(String ip) {
        if (ip == null || ip.isBlank() || "unknown".equals(ip)) {
            return null;
        }
        return ip.length() > MAX_IP ? ip.substring(0, MAX_IP) : ip;
    }

    // ------------------------------------------------------------------ storing

    private void store(PendingRecord pending) {
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        if (!pending.action().queued() && pending.outcome() == AuditOutcome.SUCCESS && inTransaction
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                && pending.clinicId().equals(sessionTenant())) {
            // a change: in its own transaction, so the change never commits without its record
            records.save(new AuditRecord(pending));
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            boolean always = pending.outcome() != AuditOutcome.SUCCESS;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (always || status == STATUS_COMMITTED) {
                        writer.add(pending);
                    }
                }
            });
            return;
        }
        writer.add(pending);
    }

    private Object sessionTenant() {
        return entityManager.unwrap(Session.class).getTenantIdentifierValue();
    }

    private static SecretKeySpec emailKey(String configured) {
        byte[] key;
        if (configured == null || configured.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            LOG.warn("homeward.audit.email-key (HOMEWARD_AUDIT_EMAIL_KEY) is not set: sign-ins with unknown emails "
                    + "can be matched with each other only until the next restart");
        } else {
            key = configured.getBytes(StandardCharsets.UTF_8);
        }
        return new SecretKeySpec(Objects.requireNonNull(key), "HmacSHA256");
    }

}
