package app.homeward.worksheet;

import java.util.Arrays;
import java.util.Objects;

/**
 * A problem with one field, of a worksheet definition (found by the builder's checks) or of an answer to it
 * (found when a client saves or sends): a message key with arguments, and the key of the field it belongs to
 * (null when it concerns the worksheet as a whole), so the builder or the form can show it there.
 */
public record FieldProblem(String fieldKey, String messageKey, Object... arguments) {

    public FieldProblem {
        arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldProblem that && Objects.equals(fieldKey, that.fieldKey)
                && messageKey.equals(that.messageKey) && Arrays.equals(arguments, that.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fieldKey, messageKey);
    }

    @Override
    public String toString() {
        return fieldKey + ": " + messageKey + Arrays.toString(arguments);
    }
}
