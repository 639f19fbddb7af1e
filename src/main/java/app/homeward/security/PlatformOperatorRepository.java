package app.homeward.security;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;
import java.util.UUID;

interface PlatformOperatorRepository extends JpaRepository<PlatformOperator, UUID> {

    Optional<PlatformOperator> findByEmail(String email);

    /** The operator, locked until the transaction ends (two requests cannot both use one code). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from PlatformOperator o where o.id = :id")
    Optional<PlatformOperator> lockById(@Param("id") UUID id);

    @Query("select o.sessionStamp from PlatformOperator o where o.id = :id")
    Optional<Integer> sessionStamp(@Param("id") UUID id);
}
