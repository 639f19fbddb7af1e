package app.homeward.security;

import java.time.Instant;
import java.util.UUID;

/**
 * Published (as a plain Spring application event, outside any transaction) when a signed-in session
 * ends: on the request that found it over a limit or revoked, or when the person signs out. A session
 * that is simply abandoned (tab closed, never used again) ends with no event: the servlet container
 * drops it later. Carries ids only.
 *
 * @param clinicId the clinic of the account; null for the platform operator
 */
public record SessionEnded(UUID clinicId, UUID accountId, Role role, SessionEndReason reason, Instant at) {
}
