package app.homeward.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The Content-Security-Policy of every response, with a fresh nonce each time, and the nonce on every
 * {@code <script>} of Vaadin's bootstrap page. Decision 0024 explains each directive; in short:
 * <ul>
 * <li>{@code script-src 'self' 'nonce-…' 'unsafe-eval'}: Vaadin starts its client engine with an inline
 * script that carries the first UI state, so it differs per page and cannot be hashed; the nonce lets
 * exactly that script run instead of {@code 'unsafe-inline'}, which would let any injected inline script
 * run too. The engine then evaluates the JavaScript the server sends ({@code executeJs}, event data,
 * Chart.js drawing) by constructing functions, which needs {@code 'unsafe-eval'}: the one concession,
 * an architectural limit of Vaadin Flow. Scripts from files come from this origin only
 * (Vaadin's bundle, Chart.js from /webjars).</li>
 * <li>{@code style-src 'self' 'unsafe-inline'}: Vaadin components and Lumo put styles into the page at
 * run time.</li>
 * <li>{@code img-src 'self' data:}, {@code font-src 'self' data:}: logos come from this origin; Lumo and
 * Vaadin's upload embed their icon fonts and small images as data: URLs.</li>
 * <li>{@code default-src 'self'}, {@code connect-src 'self'}: everything else, including Vaadin's
 * server round trips, stays on this origin.</li>
 * <li>{@code object-src 'none'}, {@code form-action 'self'}, {@code frame-ancestors 'none'}: no plugins,
 * forms post only here, and no one frames Homeward (clickjacking; the modern form of
 * {@code X-Frame-Options: DENY}).</li>
 * <li>{@code base-uri 'self'}, not {@code 'none'}: the bootstrap page sets {@code <base href="./..">} so
 * that deep links such as /c/sunrise load Vaadin's bundle from /VAADIN/; only a base elsewhere is
 * refused.</li>
 * </ul>
 * Written with the other security headers by Spring Security's header filter, before the request
 * reaches Vaadin (see {@code SecurityConfig}), so the page and the header carry the same nonce.
 */
@Component
class ContentSecurityPolicy implements HeaderWriter, VaadinServiceInitListener {

    static final String HEADER = "Content-Security-Policy";
    /** The nonce of this response, for the bootstrap page's script tags. */
    static final String NONCE = ContentSecurityPolicy.class.getName() + ".nonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    static String policy(String nonce) {
        return "default-src 'self'; "
                + "script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HEADER)) {
            return;
        }
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE, nonce);
        response.setHeader(HEADER, policy(nonce));
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(ContentSecurityPolicy::addNonce);
    }

    /** Vaadin's bootstrap page: its scripts may run, with this response's nonce. */
    static void addNonce(IndexHtmlResponse response) {
        if (response.getVaadinRequest().getAttribute(NONCE) instanceof String nonce) {
            response.getDocument().getElementsByTag("script").attr("nonce", nonce);
        }
    }
}
