package app.homeward.privacy;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.util.UUID;

/** The ZIP of a ready clinic export (LONGBLOB), removed when the export expires. */
@Entity
@Table(name = "clinic_export_file")
class ClinicExportFile extends TenantScopedEntity {

    @Column(name = "export_id", nullable = false, updatable = false, length = 36)
    private UUID exportId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, length = 1_073_741_824)
    private byte[] content;

    protected ClinicExportFile() {
    }

    ClinicExportFile(UUID exportId, byte[] content) {
        this.exportId = exportId;
        this.content = content;
    }

    UUID getExportId() { return exportId; }
    byte[] getContent() { return content; }
}
