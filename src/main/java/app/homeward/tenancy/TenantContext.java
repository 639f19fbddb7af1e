package app.homeward.tenancy;

import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The clinic that code runs for when no signed-in user says so: jobs, listeners, anonymous
 * flows that start from a clinic's public page, and tests. Bind it before a transaction starts:
 * Hibernate asks for the tenant when it opens the session.
 */
public final class TenantContext {

    /** Matches no clinic: what the resolver answers when nothing is bound, so queries fail closed. */
    public static final UUID NO_CLINIC = new UUID(0L, 0L);
    /** Sees every clinic. Only the platform operator's services may bind it. */
    public static final UUID ROOT = new UUID(-1L, -1L);

    static final ScopedValue<UUID> CLINIC = ScopedValue.newInstance();

    private TenantContext() {
    }

    public static <T> T callAs(UUID clinicId, Callable<T> work) {
        if (clinicId == null) {
            throw new IllegalArgumentException("clinicId");
        }
        try {
            return ScopedValue.where(CLINIC, clinicId).call(work::call);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void runAs(UUID clinicId, Runnable work) {
        callAs(clinicId, () -> {
            work.run();
            return null;
        });
    }

    /** Cross-clinic work of the platform operator. */
    public static <T> T callAsRoot(Callable<T> work) {
        return callAs(ROOT, work);
    }

    /** True when a clinic (or root) was bound explicitly, as jobs, imports and anonymous flows do. */
    public static boolean isBound() {
        return CLINIC.isBound();
    }

    static UUID bound() {
        return CLINIC.isBound() ? CLINIC.get() : null;
    }
}
