package app.homeward.reminder;

import app.homeward.base.LinkTokens;

/**
 * The secrets in unsubscribe links. Every reminder email gets its own ({@link LinkTokens}); the database
 * keeps only its SHA-256 on the outbox row that became that email, so someone who reads the database, or a
 * backup of it, cannot stop anyone's reminders.
 */
final class UnsubscribeTokens {

    private UnsubscribeTokens() {
    }

    /** What a link may carry: URL-safe Base64, at most 64 characters (older links had 32). */
    static boolean wellFormed(String token) {
        return token != null && !token.isEmpty() && token.length() <= 64 && token.matches("[A-Za-z0-9_-]+");
    }
}
