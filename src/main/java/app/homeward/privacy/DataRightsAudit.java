package app.homeward.privacy;

import app.homeward.audit.AuditAction;
import app.homeward.audit.AuditEntry;
import app.homeward.audit.AuditObject;
import app.homeward.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Puts every {@link DataRightsEvent} on the clinic's audit trail, in the transaction that published it
 * (a change commits with its record; downloads are queued by the trail). Ids only, as always.
 */
@Component
class DataRightsAudit {

    private static final Map<String, AuditAction> ACTIONS = Map.of(
            DataRightsEvent.EXPORT_PDF, AuditAction.CLIENT_RECORD_EXPORTED,
            DataRightsEvent.EXPORT_ZIP, AuditAction.CLIENT_RECORD_EXPORTED,
            DataRightsEvent.ERASURE_REQUESTED, AuditAction.ERASURE_REQUESTED,
            DataRightsEvent.ERASURE_WITHDRAWN, AuditAction.ERASURE_WITHDRAWN,
            DataRightsEvent.ERASURE_CONFIRMED, AuditAction.ERASURE_CONFIRMED,
            DataRightsEvent.CLIENT_ERASED, AuditAction.CLIENT_ERASED,
            DataRightsEvent.CLINIC_EXPORT_STARTED, AuditAction.CLINIC_EXPORTED,
            DataRightsEvent.CLINIC_EXPORT_DOWNLOADED, AuditAction.CLINIC_EXPORT_DOWNLOADED,
            DataRightsEvent.RETENTION_CHANGED, AuditAction.SETTINGS_CHANGED);

    private final AuditTrail trail;

    DataRightsAudit(AuditTrail trail) {
        this.trail = trail;
    }

    private static String detail(String action) {
        return switch (action) {
            case DataRightsEvent.EXPORT_PDF -> "pdf";
            case DataRightsEvent.EXPORT_ZIP -> "zip";
            case DataRightsEvent.RETENTION_CHANGED -> "retention";
            default -> null;
        };
    }

    @EventListener
    void record(DataRightsEvent event) {
        AuditAction action = ACTIONS.get(event.action());
        if (action == null) {
            throw new IllegalArgumentException("no audit action for " + event.action());
        }
        AuditEntry entry = AuditEntry.of(action).clinic(event.clinicId()).client(event.clientId())
                .detail(detail(event.action()));
        if (event.clientId() == null && event.objectId() != null) {
            entry = entry.object(AuditObject.EXPORT, event.objectId()); // the clinic export
        }
        // the actor is whoever is signed in (none when the scheduled erasure runs on its own)
        trail.record(entry);
    }
}
