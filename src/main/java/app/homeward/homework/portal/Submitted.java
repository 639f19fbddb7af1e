package app.homeward.homework.portal;

import java.util.List;

/**
 * The entry is in. If a measure raised an alert the client is told at once: with {@code crisis}, what happens
 * and where to turn ({@code crisisMessage}: the clinic's crisis line in their language, null for the neutral
 * default); and the messages the worksheet's author wrote for alert rules that are not about self-harm
 * ({@code ruleMessages}), shown instead of the crisis text when no crisis rule fired.
 */
public record Submitted(long lock, boolean alerted, boolean crisis, String crisisMessage, List<String> ruleMessages) {

    public Submitted {
        ruleMessages = List.copyOf(ruleMessages);
    }
}
