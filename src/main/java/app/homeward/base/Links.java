package app.homeward.base;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Absolute links for emails. Paths carry opaque tokens and slugs only, never anything clinical. */
@Component
public class Links {

    private final String baseUrl;

    public Links(@Value("${homeward.base-url}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String absolute(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    public String clinicPage(String slug) {
        return absolute("/c/" + slug);
    }
}
