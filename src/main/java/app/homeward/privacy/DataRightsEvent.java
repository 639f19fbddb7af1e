package app.homeward.privacy;

import java.util.UUID;

/**
 * Something a person did with data rights, published in the transaction that did it, for the audit trail
 * (ids only): an export downloaded, an erasure requested, withdrawn, confirmed or carried out, a clinic
 * export started. {@code clientId} is null for the clinic export; {@code actorAccountId} is null when the
 * scheduled erasure ran on its own.
 */
public record DataRightsEvent(UUID clinicId, UUID actorAccountId, UUID clientId, UUID objectId, String action) {

    public static final String EXPORT_PDF = "privacy.export.pdf";
    public static final String EXPORT_ZIP = "privacy.export.zip";
    public static final String ERASURE_REQUESTED = "privacy.erasure.requested";
    public static final String ERASURE_WITHDRAWN = "privacy.erasure.withdrawn";
    public static final String ERASURE_CONFIRMED = "privacy.erasure.confirmed";
    public static final String CLIENT_ERASED = "privacy.erasure.done";
    public static final String CLINIC_EXPORT_STARTED = "privacy.clinic-export.started";
    public static final String CLINIC_EXPORT_DOWNLOADED = "privacy.clinic-export.downloaded";
    public static final String RETENTION_CHANGED = "privacy.retention.changed";
}
