package app.homeward.base;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets in emailed links (invitations, password resets, unsubscribe links, export downloads): the link
 * carries the token, the database keeps only its SHA-256, so someone who reads the database or a backup
 * cannot use a link. 256 random bits: a hash without salt is enough, since no one can guess a value to hash.
 */
public final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {
    }

    /** 256 random bits, URL-safe Base64 (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Lower-case hex SHA-256 of the token's UTF-8 bytes (as the V6 migration computed for older unsubscribe
     * links); a missing token hashes as the empty one, which no stored token has.
     */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
