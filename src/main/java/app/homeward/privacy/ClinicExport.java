package app.homeward.privacy;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin's export of the whole clinic: its progress while the job runs, then when its file expires.
 * The download link's token is stored as a SHA-256 only and works for the admin who asked, nobody else.
 */
@Entity
@Table(name = "clinic_export")
class ClinicExport extends TenantScopedEntity {

    @Column(name = "requested_by", nullable = false, updatable = false, length = 36)
    private UUID requestedBy;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private ExportState state = ExportState.RUNNING;

    @Column(nullable = false)
    private int progress;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected ClinicExport() {
    }

    ClinicExport(UUID requestedBy, String tokenHash, Instant now) {
        this.requestedBy = requestedBy;
        this.tokenHash = tokenHash;
        this.startedAt = now;
        this.updatedAt = now;
    }

    void progress(int percent, Instant now) {
        this.progress = Math.max(this.progress, Math.min(99, percent));
        this.updatedAt = now;
    }

    void ready(long size, Instant now, Instant expires) {
        this.state = ExportState.READY;
        this.progress = 100;
        this.sizeBytes = size;
        this.finishedAt = now;
        this.updatedAt = now;
        this.expiresAt = expires;
    }

    void failed(Instant now) {
        this.state = ExportState.FAILED;
        this.finishedAt = now;
        this.updatedAt = now;
    }

    void expired(Instant now) {
        this.state = ExportState.EXPIRED;
        this.updatedAt = now;
    }

    void newToken(String hash) { this.tokenHash = hash; }

    UUID getRequestedBy() { return requestedBy; }
    String getTokenHash() { return tokenHash; }
    ExportState getState() { return state; }
    int getProgress() { return progress; }
    Long getSizeBytes() { return sizeBytes; }
    Instant getStartedAt() { return startedAt; }
    Instant getUpdatedAt() { return updatedAt; }
    Instant getFinishedAt() { return finishedAt; }
    Instant getExpiresAt() { return expiresAt; }
}
