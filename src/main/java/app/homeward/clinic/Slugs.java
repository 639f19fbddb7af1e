package app.homeward.clinic;

import app.homeward.base.DomainException;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A clinic's address: lowercase letters, digits and hyphens, 3–40 characters, not reserved. */
public final class Slugs {

    public static final int MIN = 3;
    public static final int MAX = 40;
    private static final Pattern VALID = Pattern.compile("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$");
    private static final Set<String> RESERVED = Set.of("admin", "api", "app", "apps", "c", "login", "logout",
            "signup", "sign-up", "signin", "sign-in", "platform", "dev", "static", "styles", "images", "webjars",
            "actuator", "www", "mail", "email", "support", "help", "homeward", "my", "settings", "verify", "reset",
            "invite", "account", "accounts", "status", "root", "system", "operator", "null", "undefined", "vaadin");

    private Slugs() {
    }

    /** "Sunrise Therapy Café" → "sunrise-therapy-cafe". */
    public static String suggest(String name) {
        if (name == null) {
            return "";
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX).replaceAll("-+$", "");
        }
        return slug;
    }

    public static String require(String input) {
        String slug = input == null ? "" : input.strip();
        if (slug.isEmpty()) {
            throw new DomainException("slug", "validation.required");
        }
        if (slug.length() < MIN || slug.length() > MAX || !VALID.matcher(slug).matches() || slug.contains("--")) {
            throw new DomainException("slug", "signup.slug-format", MIN, MAX);
        }
        if (RESERVED.contains(slug)) {
            throw new DomainException("slug", "signup.slug-reserved");
        }
        return slug;
    }
}
