package app.homeward.worksheet;

import app.homeward.base.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;

/**
 * Reads a frozen worksheet version by id, for the homework feature: a client filling in an
 * assignment, a therapist reviewing an entry. The caller has already checked that the person may
 * see the assignment that points here; the tenant filter still keeps other clinics' versions out.
 */
@Component
public class WorksheetVersions {

    private final WorksheetVersionRepository versions;
    private final BuiltInWorksheetRepository builtIns;

    WorksheetVersions(WorksheetVersionRepository versions, BuiltInWorksheetRepository builtIns) {
        this.versions = versions;
        this.builtIns = builtIns;
    }

    @Transactional(readOnly = true)
    public WorksheetDocument document(UUID versionId, boolean builtIn) {
        String json = builtIn
                ? builtIns.findById(versionId).map(BuiltInWorksheet::getDocument).orElseThrow(NotFoundException::new)
                : versions.findById(versionId).filter(v -> !v.isDraft()).map(WorksheetVersion::getDocument)
                .orElseThrow(NotFoundException::new);
        return WorksheetJson.read(json);
    }
}
