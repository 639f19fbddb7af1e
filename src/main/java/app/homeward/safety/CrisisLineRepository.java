package app.homeward.safety;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface CrisisLineRepository extends JpaRepository<CrisisLine, UUID> {

    /** The current clinic's lines (the tenant filter adds the clinic), English before Spanish. */
    List<CrisisLine> findAllByOrderByLanguageAsc();
}
