package app.homeward.security;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

interface InvitationRepository extends JpaRepository<Invitation, UUID> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    List<Invitation> findByAcceptedAtIsNullAndRevokedAtIsNullAndRoleInOrderByCreatedAtDesc(List<Role> roles);

    List<Invitation> findByEmailAndAcceptedAtIsNullAndRevokedAtIsNull(String email);
}
