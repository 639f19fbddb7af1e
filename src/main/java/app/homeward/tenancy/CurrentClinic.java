package app.homeward.tenancy;

import java.util.Optional;
import java.util.UUID;

/** The clinic the current code runs for, if any. */
public final class CurrentClinic {

    private CurrentClinic() {
    }

    public static Optional<UUID> id() {
        UUID current = ClinicTenantResolver.current();
        if (TenantContext.NO_CLINIC.equals(current) || TenantContext.ROOT.equals(current)) {
            return Optional.empty();
        }
        return Optional.of(current);
    }
}
