package app.homeward.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Vaadin's prebuilt bundle ({@code /VAADIN/build/indexhtml-DyT4ZPkA.js} and its chunks) is named after its
 * content, yet Vaadin serves it with {@code max-age=3600}: a client who opens the portal once a day downloads
 * and parses it again every day (362 kB on a phone, bench/page-weight). A file whose name carries its content
 * hash never changes, so it may be cached for a year: this filter, outermost, turns the Cache-Control Vaadin
 * writes for such files into {@code public, max-age=31536000, immutable}. Other files are left as Vaadin
 * serves them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImmutableBuildAssets extends OncePerRequestFilter {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Vite's output names: name, dash, eight characters of content hash, extension. */
    static final Pattern FINGERPRINTED = Pattern.compile("^/VAADIN/build/(?:[\\w.-]+/)*[\\w.]+-[A-Za-z0-9_-]{8}\\.(?:js|css|woff2?|svg|png)$");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !FINGERPRINTED.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // only where Vaadin serves the file (it writes Cache-Control then): a 404 for a name one instance does
        // not know yet, during a rolling deploy, must not be cached for a year
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, cacheable(name) ? IMMUTABLE : value);
            }

            @Override
            public void addHeader(String name, String value) {
                if (cacheable(name)) {
                    super.setHeader(name, IMMUTABLE);
                } else {
                    super.addHeader(name, value);
                }
            }

            private boolean cacheable(String name) {
                return "Cache-Control".equalsIgnoreCase(name) && getStatus() < 300;
            }
        });
    }
}
