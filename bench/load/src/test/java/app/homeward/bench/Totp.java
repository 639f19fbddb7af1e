package app.homeward.bench;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bench therapists' authenticators: RFC 6238 codes (SHA-1, 6 digits, 30 s), as in
 * bench/session-memory. Homeward accepts each 30-second step once per account, so every account remembers
 * the last step it used and takes this step's code or the next one's; each virtual therapist has its own
 * account, so nobody waits long.
 */
final class Totp {

    private static final Map<String, byte[]> SECRETS = new ConcurrentHashMap<>();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private Totp() {
    }

    static void enrolled(String email, String base32Secret, long usedStep) {
        SECRETS.put(email, base32(base32Secret.replace(" ", "")));
        LAST_STEP.put(email, usedStep);
    }

    static boolean isEnrolled(String email) {
        return SECRETS.containsKey(email);
    }

    /** A code this account has not used yet; sleeps only when this step and the next are both used. */
    static String nextCode(String email) {
        while (true) {
            long now = System.currentTimeMillis() / 30_000;
            long step = Math.max(now, LAST_STEP.getOrDefault(email, Long.MIN_VALUE) + 1);
            if (step <= now + 1) {
                LAST_STEP.put(email, step);
                return code(SECRETS.get(email), step);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static long currentStep() {
        return System.currentTimeMillis() / 30_000;
    }

    static String code(byte[] secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0xf;
            int code = ((h[o] & 0x7f) << 24 | (h[o + 1] & 0xff) << 16 | (h[o + 2] & 0xff) << 8 | (h[o + 3] & 0xff)) % 1_000_000;
            return String.format(Locale.ROOT, "%06d", code);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String code(String base32Secret, long step) {
        return code(base32(base32Secret.replace(" ", "")), step);
    }

    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(Locale.ROOT).replace("=", "").toCharArray()) {
            buffer = buffer << 5 | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >> (bits - 8) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
