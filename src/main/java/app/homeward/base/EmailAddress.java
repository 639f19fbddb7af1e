package app.homeward.base;

import java.util.Locale;
import java.util.regex.Pattern;

/** A pragmatic email check: one @, a dotted domain, no spaces or controls, at most 254 characters. */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private EmailAddress() {
    }

    /** The normalised (trimmed, lower-case) address, or a {@link DomainException} on the given field. */
    public static String require(String field, String input) {
        String email = input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw new DomainException(field, "validation.required");
        }
        if (email.length() > 254 || !SHAPE.matcher(email).matches()) {
            throw new DomainException(field, "validation.email");
        }
        return email;
    }

    public static boolean valid(String input) {
        try {
            require("email", input);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    public static String localPart(String email) {
        int at = email.indexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }
}
