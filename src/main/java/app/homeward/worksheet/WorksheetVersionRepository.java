package app.homeward.worksheet;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface WorksheetVersionRepository extends JpaRepository<WorksheetVersion, UUID> {

    Optional<WorksheetVersion> findByTemplateIdAndNumber(UUID templateId, int number);

    List<WorksheetVersion> findByTemplateIdOrderByNumberDesc(UUID templateId);
}
