package app.homeward.base;

import org.springframework.stereotype.Component;

import java.net.URI;

/** Absolute links for emails. Paths carry opaque tokens and slugs only, never anything clinical. */
@Component
public class Links {

    private final String baseUrl;

    public Links(LinkProperties properties) {
        String url = properties.baseUrl();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The host of the public address, e.g. for Message-IDs ({@code homeward.base-url} is validated as absolute). */
    public String host() {
        return URI.create(baseUrl).getHost();
    }

    public String absolute(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    public String clinicPage(String slug) {
        return absolute("/c/" + slug);
    }
}
