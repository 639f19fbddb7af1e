package app.homeward.worksheet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a worksheet that ships with Homeward (a file under
 * {@code worksheets/built-in/}). Shared by every clinic and read-only, so it carries no clinic.
 * A changed file becomes a new number; older numbers stay, because assignments may point at them.
 */
@Entity
@Table(name = "builtin_worksheet")
class BuiltInWorksheet {

    @Id
    @Column(name = "id", nullable = false, updatable = false, length = 36)
    private UUID id = UUID.randomUUID();

    @Column(nullable = false, updatable = false, length = 60)
    private String slug;

    @Column(nullable = false, updatable = false)
    private int number;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "content_hash", nullable = false, updatable = false, length = 64)
    private String contentHash;

    @Column(nullable = false, length = 120)
    private String title;

    // MEDIUMTEXT in V2; a string, not a @Lob: at this length Hibernate reads it as VARCHAR on H2, MEDIUMTEXT on MySQL
    @Column(nullable = false, updatable = false, length = WorksheetLimits.DOCUMENT_CHARS)
    private String document;

    @Column(name = "loaded_at", nullable = false, updatable = false)
    private Instant loadedAt;

    protected BuiltInWorksheet() {
    }

    BuiltInWorksheet(String slug, int number, String contentHash, String title, String document, Instant loadedAt) {
        this.slug = slug;
        this.number = number;
        this.contentHash = contentHash;
        this.title = title;
        this.document = document;
        this.loadedAt = loadedAt;
    }

    UUID getId() { return id; }
    String getSlug() { return slug; }
    int getNumber() { return number; }
    String getContentHash() { return contentHash; }
    String getDocument() { return document; }
}
