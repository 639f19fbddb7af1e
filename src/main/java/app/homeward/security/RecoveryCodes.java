package app.homeward.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Single-use recovery codes for a lost phone: {@value #COUNT} codes of {@value #LENGTH} characters
 * (50 random bits each) from Crockford's base32 alphabet, shown once as "xxxxx-xxxxx". Only a salted
 * SHA-256 of each is stored (ASVS: look-up secrets under 112 bits are stored with a unique random salt
 * and an approved hash), as "salt:hash" entries separated by ";"; a used code's entry is removed.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    static final int LENGTH = 10;
    /** Crockford's base32: no I, L, O or U, so nothing is mistaken when typed from paper. */
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private RecoveryCodes() {
    }

    /** New codes as shown to the person, and their stored form. */
    record Issued(List<String> codes, String stored) {
    }

    static Issued issue() {
        List<String> codes = new ArrayList<>(COUNT);
        List<String> entries = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(LENGTH + 1);
            for (int c = 0; c < LENGTH; c++) {
                if (c == LENGTH / 2) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            entries.add(HEX.formatHex(salt) + ":" + HEX.formatHex(hash(salt, normalise(code.toString()))));
        }
        return new Issued(List.copyOf(codes), String.join(";", entries));
    }

    /** How many unused codes the stored form holds. */
    static int remaining(String stored) {
        return entries(stored).size();
    }

    /**
     * The stored form without the entry that matches this code, if one does (the code is then used up);
     * empty when no unused code matches. Every entry is hashed and compared, match or not.
     */
    static Optional<String> use(String stored, String input) {
        String code = normalise(input);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        List<String> entries = new ArrayList<>(entries(stored));
        int matched = -1;
        for (int i = 0; i < entries.size(); i++) {
            String[] parts = entries.get(i).split(":", 2);
            if (parts.length != 2) {
                continue;
            }
            boolean same = MessageDigest.isEqual(HEX.parseHex(parts[1]), hash(HEX.parseHex(parts[0]), code));
            if (same && matched < 0) {
                matched = i;
            }
        }
        if (matched < 0) {
            return Optional.empty();
        }
        entries.remove(matched);
        return Optional.of(String.join(";", entries));
    }

    /** Lower case, no spaces or hyphens, and the letters people confuse with digits read as those digits. */
    static String normalise(String input) {
        if (input == null || input.length() > 64) {
            return "";
        }
        return input.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('o', '0').replace('i', '1').replace('l', '1');
    }

    private static List<String> entries(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.split(";"));
    }

    private static byte[] hash(byte[] salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
