package app.homeward.platform;

import app.homeward.audit.AuditEvent;
import app.homeward.audit.AuditLog;
import app.homeward.base.NotFoundException;
import app.homeward.security.AccountDirectory;
import app.homeward.security.CurrentUser;
import app.homeward.security.Role;
import app.homeward.tenancy.Clinic;
import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.tenancy.ClinicStatus;
import app.homeward.tenancy.TenantContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The platform operator's view across clinics: the only feature that binds the root tenant scope.
 * Every change is written to the audit log in the same transaction.
 */
@Service
public class PlatformService {

    private final ClinicDirectory clinics;
    private final AccountDirectory accounts;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    PlatformService(ClinicDirectory clinics, AccountDirectory accounts, AuditLog audit, TransactionTemplate tx) {
        this.clinics = clinics;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
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
        change(clinicId, "clinic.suspend", Clinic::suspend);
    }

    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    public void reactivate(UUID clinicId) {
        change(clinicId, "clinic.reactivate", Clinic::activate);
    }

    @PreAuthorize("hasRole('PLATFORM_OPERATOR')")
    public List<AuditEvent> recentActions() {
        return audit.latest(20);
    }

    private void change(UUID clinicId, String action, java.util.function.Consumer<Clinic> change) {
        tx.executeWithoutResult(status -> {
            ClinicBranding clinic = clinics.findById(clinicId).orElseThrow(NotFoundException::new);
            clinics.update(clinic.id(), change);
            audit.record(CurrentUser.require().email(), action, clinicId, null);
        });
    }
}
