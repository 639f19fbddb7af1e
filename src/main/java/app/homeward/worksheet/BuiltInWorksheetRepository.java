package app.homeward.worksheet;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface BuiltInWorksheetRepository extends JpaRepository<BuiltInWorksheet, UUID> {

    @Query("""
            select b from BuiltInWorksheet b
            where b.number = (select max(c.number) from BuiltInWorksheet c where c.slug = b.slug)
            order by b.title""")
    List<BuiltInWorksheet> findLatest();

    Optional<BuiltInWorksheet> findFirstBySlugOrderByNumberDesc(String slug);

    Optional<BuiltInWorksheet> findBySlugAndNumber(String slug, int number);
}
