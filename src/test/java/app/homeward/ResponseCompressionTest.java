package app.homeward;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Compression;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response compression the application ships with ({@code server.compression.*} in
 * application.properties, bound as Spring Boot binds it) on a real embedded Tomcat: Vaadin serves its theme
 * stylesheet (234 kB) and the JSON of each round trip uncompressed, so the server gzips them; the prebuilt
 * JavaScript bundle arrives Brotli-encoded already and must pass through untouched (bench/page-weight).
 */
class ResponseCompressionTest extends RealTomcatTest {

    private static final String CSS = ".homework-card { padding: 12px; color: var(--lumo-body-text-color); }\n".repeat(800);
    private static final byte[] BROTLI = {0x1b, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};

    @Test
    void stylesheets_and_round_trips_are_gzipped_and_an_encoded_bundle_is_left_alone() throws Exception {
        Compression compression = shippedCompression();
        assertThat(compression.getEnabled()).as("server.compression.enabled in application.properties").isTrue();
        start(compression);

        HttpResponse<byte[]> css = get("/lumo.css");
        assertThat(css.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(css.body().length).as("gzipped well below the %d bytes sent", CSS.length()).isLessThan(CSS.length() / 10);
        assertThat(gunzip(css.body())).isEqualTo(CSS);

        assertThat(get("/uidl").headers().firstValue("Content-Encoding")).as("a round trip's JSON").hasValue("gzip");

        HttpResponse<byte[]> bundle = get("/bundle.js");
        assertThat(bundle.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(bundle.body()).isEqualTo(BROTLI);
    }

    private static Compression shippedCompression() throws IOException {
        var properties = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
        return new Binder(new MapConfigurationPropertySource(properties)).bind("server.compression", Compression.class)
                .orElseGet(Compression::new);
    }

    private void start(Compression compression) {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.setCompression(compression);
        server = factory.getWebServer(context -> {
            context.addServlet("css", new Fixed("text/css;charset=utf-8", null, CSS.getBytes(StandardCharsets.UTF_8)))
                    .addMapping("/lumo.css");
            context.addServlet("uidl", new Fixed("application/json;charset=utf-8", null,
                    ("{\"changes\":[" + "{\"node\":1,\"type\":\"put\",\"key\":\"text\",\"value\":\"x\"},".repeat(200)
                            + "{}]}").getBytes(StandardCharsets.UTF_8))).addMapping("/uidl");
            context.addServlet("bundle", new Fixed("text/javascript;charset=utf-8", "br", BROTLI)).addMapping("/bundle.js");
        });
        server.start();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .header("Accept-Encoding", "br, gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Serves fixed bytes with a content type and, when given, an encoding already applied. */
    private static final class Fixed extends HttpServlet {
        private final String type;
        private final String encoding;
        private final byte[] body;

        Fixed(String type, String encoding, byte[] body) {
            this.type = type;
            this.encoding = encoding;
            this.body = body;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType(type);
            if (encoding != null) {
                response.setHeader("Content-Encoding", encoding);
            }
            response.getOutputStream().write(body);
        }
    }
}
