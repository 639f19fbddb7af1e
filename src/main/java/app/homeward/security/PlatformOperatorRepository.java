package app.homeward.security;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface PlatformOperatorRepository extends JpaRepository<PlatformOperator, UUID> {

    Optional<PlatformOperator> findByEmail(String email);

    /** The operator, locked until the transaction ends (two requests cannot both use one code). */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    @org.springframework.data.jpa.repository.Query("select o from PlatformOperator o where o.id = :id")
    Optional<PlatformOperator> lockById(@org.springframework.data.repository.query.Param("id") UUID id);

    @org.springframework.data.jpa.repository.Query("select o.sessionStamp from PlatformOperator o where o.id = :id")
    Optional<Integer> sessionStamp(@org.springframework.data.repository.query.Param("id") UUID id);
}
