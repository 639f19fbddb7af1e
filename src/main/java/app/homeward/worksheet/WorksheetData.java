package app.homeward.worksheet;

import app.homeward.base.ClinicTables;
import app.homeward.base.EntityTables.Spec;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The clinic's worksheets for data rights. They are the clinic's work, not a client's: erasing a client
 * leaves them; deleting the clinic removes them.
 */
@Component
class WorksheetData extends ClinicTables {

    private static final List<Spec> TABLES = List.of(
            Spec.of("worksheet_template", "WorksheetTemplate", "id", "owner_id=ownerId", "title", "description",
                    "category", "tags", "difficulty", "minutes", "language", "sharing", "latest_number=latestNumber",
                    "published_number=publishedNumber", "forked_from_slug=forkedFromSlug",
                    "forked_from_number=forkedFromNumber", "archived_at=archivedAt", "created_at=createdAt",
                    "updated_at=updatedAt"),
            Spec.of("worksheet_version", "WorksheetVersion", "id", "template_id=templateId", "number", "state",
                    "edited_by=editedBy", "edited_at=editedAt", "published_at=publishedAt", "document"));

    WorksheetData() {
        super(400, TABLES);
    }

    @Override
    public void eraseClient(ErasedClient client) {
        // nothing of a client's is kept here
    }
}
