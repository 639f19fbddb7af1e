package app.homeward.mail;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the latest mails in memory when no SMTP server is configured, so the whole
 * signup, invitation and password-reset flow works on a laptop. Never used with SMTP.
 */
public class DevMailbox {

    private static final int CAPACITY = 100;
    private final Deque<MailMessage> messages = new ArrayDeque<>();

    public synchronized void deliver(MailMessage message) {
        messages.addFirst(message);
        while (messages.size() > CAPACITY) {
            messages.removeLast();
        }
    }

    /** Newest first. */
    public synchronized List<MailMessage> latest() {
        return List.copyOf(messages);
    }
}
