package app.homeward.tenancy;

import java.util.UUID;

/** A signed-in principal that belongs to a clinic (null for the platform operator). */
public interface ClinicPrincipal {

    UUID clinicId();
}
