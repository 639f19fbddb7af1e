package app.homeward.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Keeps authenticator secrets out of plain sight in the database: AES-256-GCM with the key from
 * HOMEWARD_SECOND_FACTOR_KEY, the owner's id as associated data (a secret copied onto another row does
 * not decrypt). Without a key the secret is stored as "plain:BASE32" and a warning is logged at start;
 * such secrets still work after a key is configured and are encrypted when next written.
 */
@Component
class SecretBox {

    private static final Logger LOG = LoggerFactory.getLogger(SecretBox.class);
    private static final String PLAIN = "plain:";
    private static final String AES = "aes:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretBox(SecondFactorSettings settings) {
        String configured = settings.key() == null ? "" : settings.key().strip();
        if (configured.isEmpty()) {
            this.key = null;
            LOG.warn("HOMEWARD_SECOND_FACTOR_KEY is not set: authenticator secrets are stored unencrypted");
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "HOMEWARD_SECOND_FACTOR_KEY must be 32 random bytes in base64, e.g. from: openssl rand -base64 32");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    String seal(byte[] secret, UUID owner) {
        if (key == null) {
            return PLAIN + Base32.encode(secret);
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(secret);
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return AES + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the authenticator secret", e);
        }
    }

    byte[] open(String stored, UUID owner) {
        if (stored.startsWith(PLAIN)) {
            return Base32.decode(stored.substring(PLAIN.length()));
        }
        if (!stored.startsWith(AES) || key == null) {
            throw new IllegalStateException("authenticator secret of " + owner
                    + " cannot be read (encrypted, and HOMEWARD_SECOND_FACTOR_KEY is missing or different)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(AES.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(in, 12, in.length - 12);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("authenticator secret of " + owner + " cannot be read", e);
        }
    }
}
