package app.homeward.worksheet;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

interface WorksheetTemplateRepository extends JpaRepository<WorksheetTemplate, UUID> {

    /** The clinic's library as {@code owner} sees it: their own templates and every published shared one. */
    @Query("""
            select t from WorksheetTemplate t
            where (t.ownerId = :owner or (t.sharing = app.homeward.worksheet.Sharing.CLINIC
                                          and t.publishedNumber is not null))
              and (t.archivedAt is null or :archived = true)
            order by t.title""")
    List<WorksheetTemplate> findVisibleTo(UUID owner, boolean archived);
}
