package app.homeward.security;

/**
 * A factor besides the password that a signed-in person must give again before changing how they sign
 * in (email, password, second factor): for example the second factor's code, where they enrolled one.
 * Declare an implementation as a Spring bean; {@link Reauthentication} asks every bean, and the
 * re-authentication dialog shows one text field per factor that applies to the person.
 */
public interface ReauthenticationCheck {

    /** The form field's name, used for its error message (e.g. {@code "code"}). */
    String field();

    /** The message key of the field's label (e.g. {@code "reauth.code"}), in both message bundles. */
    String labelKey();

    /** Whether this person must give this factor (e.g. they have a second factor enrolled). */
    boolean appliesTo(HomewardUser user);

    /**
     * Whether {@code value} is right for this person. Called only after the password matched, inside the
     * re-authentication's transaction (a one-time code may be marked used here). Failures are throttled
     * by the caller, with the password's.
     */
    boolean verify(HomewardUser user, String value);
}
