package app.homeward.worksheet;

import java.util.Arrays;

/**
 * A problem in a worksheet definition: a message key with arguments, and the key of the field it
 * belongs to (null when it concerns the worksheet as a whole), so the builder can show it there.
 */
public record TemplateProblem(String fieldKey, String messageKey, Object... arguments) {

    public TemplateProblem {
        arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TemplateProblem that && java.util.Objects.equals(fieldKey, that.fieldKey)
                && messageKey.equals(that.messageKey) && Arrays.equals(arguments, that.arguments);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(fieldKey, messageKey);
    }

    @Override
    public String toString() {
        return fieldKey + ": " + messageKey + Arrays.toString(arguments);
    }
}
