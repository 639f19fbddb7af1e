package app.homeward;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

/**
 * The tests' own authenticator app: RFC 6238 (TOTP over RFC 4226's HOTP, HMAC-SHA-1, 30-second steps)
 * written from the RFCs with nothing of Homeward's, so tests check Homeward's codes against an
 * independent implementation (TotpTest checks this one against RFC 6238's Appendix B).
 */
public final class TotpCodes {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private TotpCodes() {
    }

    /** RFC 6238's T: whole 30-second steps since the epoch. */
    public static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 30);
    }

    /** The 6-digit code an authenticator app shows at this instant for a base32 secret (spaces allowed). */
    public static String code(String base32Secret, Instant instant) {
        return code(base32(base32Secret), step(instant), 6);
    }

    /** RFC 4226 section 5.3: HMAC-SHA-1 of the 8-byte counter, dynamic truncation, modulo 10^digits. */
    public static String code(byte[] key, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            int modulo = (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulo);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 base32, ignoring case, spaces and padding. */
    public static byte[] base32(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '=') {
                continue;
            }
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
