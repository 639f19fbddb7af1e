package app.homeward.platform;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditRow;
import app.homeward.audit.AuditService;
import app.homeward.audit.AuditTrail;
import app.homeward.base.ClinicData;
import app.homeward.base.DomainException;
import app.homeward.base.NotFoundException;
import app.homeward.security.AccountDirectory;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicStatus;
import app.homeward.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The platform operator's view across clinics: the only feature that binds the root tenant scope.
 * Every change is recorded in the platform's audit trail.
 */
@Service
public class PlatformService {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformService.class);

    private final ClinicDirectory clinics;
    private final AccountDirectory accounts;
    private final AuditTrail trail;
    private final AuditService auditService;
    private final TransactionTemplate tx;
    private final List<ClinicData> clinicData;

    PlatformService(ClinicDirectory clinics, AccountDirectory accounts, AuditTrail trail, AuditService auditService,
                    TransactionTemplate tx, List<ClinicData> clinicData) {
        this.clinics = clinics;
        this.accounts = accounts;
        this.trail = trail;
        this.auditService = auditService;
        this.tx = tx;
        this.clinicData = clinicData.stream().sorted(Comparator.comparingInt(ClinicData::order)).toList();
    }

    public record ClinicOverview(UUID id, String name, String slug, ClinicStatus status, Instant createdAt,
                                 long staff, long clients) {
    }

    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    public List<ClinicOverview> clinics() {
        Map<UUID, Map<Role, Long>> counts = TenantContext.callAsRoot(accounts::countsPerClinic);
        return clinics.all().stream().map(c -> {
            Map<Role, Long> perRole = counts.getOrDefault(c.id(), Map.of());
            return new ClinicOverview(c.id(), c.name(), c.slug(), c.status(), c.createdAt(),
                    perRole.getOrDefault(Role.CLINIC_ADMIN, 0L) + perRole.getOrDefault(Role.THERAPIST, 0L),
                    perRole.getOrDefault(Role.CLIENT, 0L));
        }).sorted(Comparator.comparing(ClinicOverview::createdAt).reversed()).toList();
    }

    /** Nobody of a suspended clinic can sign in; their open sessions end on their next request. */
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    public void suspend(UUID clinicId) {
        change(clinicId, AuditAction.CLINIC_SUSPENDED, clinics::suspend);
    }

    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    public void reactivate(UUID clinicId) {
        change(clinicId, AuditAction.CLINIC_REACTIVATED, clinics::activate);
    }

    /**
     * Deletes a suspended clinic and every row it has: each feature deletes its own tables (in the order its
     * {@link ClinicData} bean gives), then the clinic row goes, in one transaction with the clinic bound, so
     * Hibernate's tenant filter keeps every statement to this clinic. The operator types the clinic's slug to
     * confirm. The audit trail keeps its records of the clinic (ids only) and one of this deletion.
     */
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    public void delete(UUID clinicId, String typedSlug) {
        ClinicBranding clinic = clinics.findById(clinicId).orElseThrow(NotFoundException::new);
        String typed = typedSlug == null ? "" : typedSlug.strip().toLowerCase(Locale.ROOT);
        if (!clinic.slug().equals(typed)) {
            throw new DomainException("slug", "platform.delete.slug-mismatch");
        }
        if (clinic.status() != ClinicStatus.SUSPENDED) {
            throw new DomainException("platform.delete.suspend-first");
        }
        TenantContext.runAs(clinicId, () -> tx.executeWithoutResult(status -> {
            for (ClinicData data : clinicData) {
                data.deleteAll();
            }
            clinics.delete(clinicId);
        }));
        // the platform's trail is another tenant: its record follows the deletion's commit
        TenantContext.runAs(AuditTrail.PLATFORM, () -> tx.executeWithoutResult(status ->
                trail.record(AuditEntry.of(AuditAction.CLINIC_DELETED).object(AuditObject.CLINIC, clinicId))));
        LOG.info("clinic deleted clinic={}", clinicId);
    }

    /** The platform's trail: operators' sign-ins and actions, newest first. */
    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    public List<AuditRow> recentActions() {
        return auditService.platformEvents(30);
    }

    /**
     * The change and its record in the platform's trail, in one transaction: bound to the platform's trail
     * (the clinic table belongs to no tenant), so the record commits with the change or not at all.
     */
    private void change(UUID clinicId, AuditAction action, Consumer<UUID> change) {
        TenantContext.runAs(AuditTrail.PLATFORM, () -> tx.executeWithoutResult(status -> {
            ClinicBranding clinic = clinics.findById(clinicId).orElseThrow(NotFoundException::new);
            change.accept(clinic.id());
            trail.record(AuditEntry.of(action).object(AuditObject.CLINIC, clinicId));
        }));
    }
}
