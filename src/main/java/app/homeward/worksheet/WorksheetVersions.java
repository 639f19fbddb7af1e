package app.homeward.worksheet;

import app.homeward.base.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a frozen worksheet version by id, for the homework feature: a client filling in an
 * assignment, a therapist reviewing an entry. The caller has already checked that the person may
 * see the assignment that points here; the tenant filter still keeps other clinics' versions out.
 */
@Component
public class WorksheetVersions {

    private final WorksheetVersionRepository versions;
    private final BuiltInWorksheetRepository builtIns;
    /**
     * Built-in versions, parsed, by id. A built-in version is never changed (a changed file is stored as the
     * next version, {@link BuiltInLibrary}) and belongs to no clinic, so what was read once holds for every
     * caller: pages that show scores (the client page, progress) need not read and parse it again. Bounded by
     * the versions shipped (a few per worksheet per release).
     */
    private final Map<UUID, WorksheetDocument> builtInDocuments = new ConcurrentHashMap<>();

    WorksheetVersions(WorksheetVersionRepository versions, BuiltInWorksheetRepository builtIns) {
        this.versions = versions;
        this.builtIns = builtIns;
    }

    @Transactional(readOnly = true)
    public WorksheetDocument document(UUID versionId, boolean builtIn) {
        if (builtIn) {
            WorksheetDocument known = builtInDocuments.get(versionId);
            if (known != null) {
                return known;
            }
            WorksheetDocument read = WorksheetJson.read(builtIns.findById(versionId).map(BuiltInWorksheet::getDocument)
                    .orElseThrow(NotFoundException::new));
            builtInDocuments.put(versionId, read);
            return read;
        }
        return WorksheetJson.read(versions.findById(versionId).filter(v -> !v.isDraft()).map(WorksheetVersion::getDocument)
                .orElseThrow(NotFoundException::new));
    }
}
