package app.homeward.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Tells a person's own actions from the traffic an open tab makes by itself, for the idle limit.
 * <ul>
 * <li>Activity: loading a page, and every Vaadin UIDL request that carries at least one real event
 * (a click, a keystroke that syncs a value, a navigation, a dialog closed…).</li>
 * <li>Not activity: Vaadin's heartbeat (every 5 minutes while a tab is open), a UIDL request that carries
 * only polls or the page's own session checks ({@link #PASSIVE_CALLS}), static files, and Vaadin's
 * resource and bootstrap requests.</li>
 * </ul>
 * A UIDL body is read once here (bounded) and handed on to Vaadin from memory. Faking a "passive" body
 * gains nothing: it can only make one's own session end sooner.
 */
final class UserActivity {

    /** The page's own timer calls these (see security.ui.SessionWatch): they must never count as activity. */
    static final Set<String> PASSIVE_CALLS = Set.of("homewardSessionCheck");

    /** Vaadin's poll event: an open tab with a poll interval would otherwise never be idle. */
    private static final String POLL_EVENT = "ui-poll";
    /** Longer UIDL bodies are not inspected; they are always someone typing or uploading, so activity. */
    private static final int MAX_INSPECTED_BODY = 256 * 1024;
    private static final String REQUEST_TYPE = "v-r";
    private static final List<String> STATIC_PREFIXES = List.of("/VAADIN/", "/styles/", "/images/", "/webjars/",
            "/icons/", "/actuator/", "/favicon.ico", "/sw.js", "/manifest.webmanifest", "/offline");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The request to pass on (with its body buffered if it was read) and whether it was the person's doing. */
    record Classified(HttpServletRequest request, boolean active) {
    }

    private UserActivity() {
    }

    static Classified classify(HttpServletRequest request) throws IOException {
        String type = requestType(request);
        if ("uidl".equals(type) && "POST".equalsIgnoreCase(request.getMethod())) {
            return uidl(request);
        }
        if (type != null) {
            // heartbeat, bootstrap (init), push, translations: never the person's doing by themselves
            return new Classified(request, false);
        }
        if (isStatic(request)) {
            // a POST under /VAADIN/ is an upload someone chose to make
            return new Classified(request, path(request).startsWith("/VAADIN/") && "POST".equalsIgnoreCase(request.getMethod()));
        }
        return new Classified(request, true);
    }

    /** A page the browser navigates to (not Vaadin's own requests, not a static file): may be answered with a redirect. */
    static boolean isPageRequest(HttpServletRequest request) {
        return ("GET".equalsIgnoreCase(request.getMethod()) || "HEAD".equalsIgnoreCase(request.getMethod()))
                && requestType(request) == null && !isStatic(request);
    }

    /**
     * Vaadin's request type ({@code v-r} in the query string), read from the query string only: asking the
     * request for a parameter would read and consume a form body that belongs to someone else.
     */
    static String requestType(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(REQUEST_TYPE + "=")) {
                return pair.substring(REQUEST_TYPE.length() + 1);
            }
        }
        return null;
    }

    private static boolean isStatic(HttpServletRequest request) {
        String path = path(request);
        return STATIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static Classified uidl(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length < 0 || length > MAX_INSPECTED_BODY) {
            return new Classified(request, true);
        }
        byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY + 1);
        BufferedBody buffered = new BufferedBody(request, body);
        return new Classified(buffered, body.length > MAX_INSPECTED_BODY || carriesAnEvent(body));
    }

    /** True unless every invocation in the UIDL message is a poll or a passive call. */
    static boolean carriesAnEvent(byte[] body) {
        JsonNode rpc;
        try {
            rpc = JSON.readTree(body).path("rpc");
        } catch (JacksonException e) {
            return true; // Vaadin will refuse it; whatever it was, it did not come from the page's timer
        }
        if (!rpc.isArray() || rpc.isEmpty()) {
            return false; // an empty message: the client acknowledging, resynchronising
        }
        for (JsonNode invocation : rpc) {
            String kind = invocation.path("type").asString("");
            boolean poll = "event".equals(kind) && POLL_EVENT.equals(invocation.path("event").asString(""));
            boolean passiveCall = "publishedEventHandler".equals(kind)
                    && PASSIVE_CALLS.contains(invocation.path("templateEventMethodName").asString(""));
            if (!poll && !passiveCall) {
                return true;
            }
        }
        return false;
    }

    /** The request with its body already read into memory, readable again (once) by Vaadin. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }
    }
}
