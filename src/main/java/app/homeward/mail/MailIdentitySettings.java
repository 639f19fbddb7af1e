package app.homeward.mail;

/**
 * The discreet-sender setting as the clinic admin sees it.
 *
 * @param discreet    emails and calendar files show {@code neutralName} instead of the clinic's name
 * @param neutralName the clinic's own neutral name, or "" for the default one
 * @param defaultName the default neutral name in the admin's language, for the placeholder
 */
public record MailIdentitySettings(boolean discreet, String neutralName, String defaultName) {
}
