package app.homeward.mail;

import java.util.UUID;

/**
 * How one clinic appears in emails and calendar files, as {@link MailIdentities} found it: under its own
 * name, or discreetly under a neutral one (null: the default neutral name in the recipient's language).
 */
public record ClinicSender(UUID clinicId, boolean discreet, String neutralName) {

    /** Mail that is not from one clinic (e.g. "your clinic links"), or a clinic that chose nothing. */
    public static ClinicSender ownName(UUID clinicId) {
        return new ClinicSender(clinicId, false, null);
    }
}
