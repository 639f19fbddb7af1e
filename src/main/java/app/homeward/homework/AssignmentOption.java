package app.homeward.homework;

import app.homeward.base.TenantScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * One worksheet offered in a choice of tasks: its published version, and its title and "why this
 * helps" as the client reads them while choosing. The plan (when, where, schedule, obstacles) is the
 * assignment's and applies to whichever option is chosen.
 */
@Entity
@Table(name = "assignment_option")
public class AssignmentOption extends TenantScopedEntity {

    @Column(name = "assignment_id", nullable = false, updatable = false, length = 36)
    private UUID assignmentId;

    @Column(name = "option_position", nullable = false, updatable = false)
    private int position;

    @Column(name = "worksheet_version_id", nullable = false, updatable = false, length = 36)
    private UUID worksheetVersionId;

    @Column(name = "worksheet_builtin", nullable = false, updatable = false)
    private boolean worksheetBuiltIn;

    @Column(nullable = false, updatable = false, length = 120)
    private String title;

    @Column(nullable = false, updatable = false, length = 2000)
    private String rationale;

    protected AssignmentOption() {
    }

    public AssignmentOption(UUID assignmentId, int position, UUID worksheetVersionId, boolean worksheetBuiltIn, String title,
                     String rationale) {
        this.assignmentId = assignmentId;
        this.position = position;
        this.worksheetVersionId = worksheetVersionId;
        this.worksheetBuiltIn = worksheetBuiltIn;
        this.title = title;
        this.rationale = rationale;
    }

    public UUID getAssignmentId() { return assignmentId; }
    public int getPosition() { return position; }
    public UUID getWorksheetVersionId() { return worksheetVersionId; }
    public boolean isWorksheetBuiltIn() { return worksheetBuiltIn; }
    public String getTitle() { return title; }
    public String getRationale() { return rationale; }
}
