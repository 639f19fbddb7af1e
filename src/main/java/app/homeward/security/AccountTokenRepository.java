package app.homeward.security;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface AccountTokenRepository extends JpaRepository<AccountToken, UUID> {

    Optional<AccountToken> findByTokenHash(String tokenHash);

    List<AccountToken> findByAccountIdAndPurposeAndUsedAtIsNull(UUID accountId, TokenPurpose purpose);
}
