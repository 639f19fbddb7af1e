package app.homeward.base;

import java.io.Serial;
import java.util.Arrays;

/**
 * A rule of the domain was broken. Carries a message key (translated by the view) and,
 * where the problem belongs to one input, the field it belongs to, so the view can show
 * the message next to that field.
 */
public class DomainException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public DomainException(String field, String messageKey, Object... arguments) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    public DomainException(String messageKey) {
        this(null, messageKey);
    }

    /** The form field this problem belongs to, or null when it concerns the whole form. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }
}
