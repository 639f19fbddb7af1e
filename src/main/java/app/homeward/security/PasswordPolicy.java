package app.homeward.security;

import app.homeward.base.DomainException;
import app.homeward.base.EmailAddress;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * NIST SP 800-63B style: length matters, composition rules don't. 12 to 128 characters, not one of
 * the common passwords shipped in {@code security/common-passwords.txt}, not containing the email's
 * local part.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>(16_384);
        var resource = new ClassPathResource("security/common-passwords.txt");
        try (var reader = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(s -> words.add(s.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException("common password list missing", e);
        }
        return Set.copyOf(words);
    }

    public int commonPasswordCount() {
        return common.size();
    }

    /** Throws a {@link DomainException} on the "password" field when the password is not acceptable. */
    public void check(String password, String email) {
        if (password == null || password.isEmpty()) {
            throw new DomainException("password", "validation.required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new DomainException("password", "password.too-short", MIN_LENGTH);
        }
        if (length > MAX_LENGTH) {
            throw new DomainException("password", "password.too-long", MAX_LENGTH);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw new DomainException("password", "password.common");
        }
        if (email != null) {
            String local = EmailAddress.localPart(email.toLowerCase(Locale.ROOT));
            if (local.length() >= 3 && lower.contains(local)) {
                throw new DomainException("password", "password.contains-email");
            }
        }
    }
}
