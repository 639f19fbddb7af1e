package app.homeward.reminder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets in unsubscribe links. Every reminder email gets its own; the database keeps only its
 * SHA-256 (on the outbox row that became that email), so someone who reads the database, or a backup
 * of it, cannot stop anyone's reminders. 256 random bits: a hash without salt is enough, since no one
 * can guess a value to hash.
 */
final class UnsubscribeTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private UnsubscribeTokens() {
    }

    /** 256 random bits, URL-safe (43 characters). */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes, as the V6 migration computed for older links. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a link may carry: URL-safe Base64, at most 64 characters (older links had 32). */
    static boolean wellFormed(String token) {
        return token != null && !token.isEmpty() && token.length() <= 64 && token.matches("[A-Za-z0-9_-]+");
    }
}
