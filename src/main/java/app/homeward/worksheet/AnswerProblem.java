package app.homeward.worksheet;

import java.util.Arrays;

/** Why one answer was not accepted: a message key with arguments, for the field with {@code key}. */
public record AnswerProblem(String key, String messageKey, Object... arguments) {

    public AnswerProblem {
        arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AnswerProblem that && key.equals(that.key) && messageKey.equals(that.messageKey)
                && Arrays.equals(arguments, that.arguments);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + messageKey.hashCode();
    }

    @Override
    public String toString() {
        return key + ": " + messageKey + Arrays.toString(arguments);
    }
}
