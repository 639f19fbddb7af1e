package app.homeward.security;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface PlatformOperatorRepository extends JpaRepository<PlatformOperator, UUID> {

    Optional<PlatformOperator> findByEmail(String email);
}
