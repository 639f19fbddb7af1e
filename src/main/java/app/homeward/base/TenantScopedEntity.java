package app.homeward.base;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.util.Objects;
import java.util.UUID;

/**
 * Base class of every row that belongs to a clinic. Hibernate fills {@code clinic_id} from the
 * current tenant on insert and adds {@code clinic_id = ?} to every query, update and delete,
 * so a clinic can never read or change another clinic's rows by id.
 */
@MappedSuperclass
public abstract class TenantScopedEntity {

    @Id
    @Column(name = "id", nullable = false, updatable = false, length = 36)
    private UUID id = UUID.randomUUID();

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false, length = 36)
    private UUID clinicId;

    /** Null until first saved: that is how Spring Data tells a new row (persist) from an existing one (merge). */
    @Version
    @Column(name = "version", nullable = false)
    private Long version;

    public UUID getId() {
        return id;
    }

    public UUID getClinicId() {
        return clinicId;
    }

    /** The optimistic-lock version (null before the first save): editors send it back to prove their copy is current. */
    public Long getLockVersion() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof TenantScopedEntity that
                && getClass() == that.getClass() && Objects.equals(id, that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
