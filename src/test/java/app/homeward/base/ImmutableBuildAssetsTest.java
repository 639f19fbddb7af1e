package app.homeward.base;

import app.homeward.RealTomcatTest;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real Tomcat, with a servlet writing Cache-Control the way Vaadin's static file server does (an hour):
 * content-hashed bundle files come back cacheable for a year, everything else as the servlet said, and a file
 * that is not there is not made cacheable.
 */
class ImmutableBuildAssetsTest extends RealTomcatTest {


    @Test
    void content_hashed_bundle_files_are_cached_for_a_year_and_nothing_else_is() throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        server = factory.getWebServer(context -> {
            context.addFilter("immutable", new ImmutableBuildAssets())
                    .addMappingForUrlPatterns(EnumSet.allOf(jakarta.servlet.DispatcherType.class), false, "/*");
            context.addServlet("vaadin", new LikeVaadin()).addMapping("/*");
        });
        server.start();

        assertThat(cacheControl("/VAADIN/build/indexhtml-DyT4ZPkA.js")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(cacheControl("/VAADIN/build/chunks/chunk-4f_a-9Zq.js")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(cacheControl("/VAADIN/build/sw.js")).as("no hash in the name").isEqualTo("max-age=3600");
        assertThat(cacheControl("/VAADIN/push")).isEqualTo("max-age=3600");
        assertThat(cacheControl("/my/indexhtml-DyT4ZPkA.js")).as("outside the bundle").isEqualTo("max-age=3600");
        assertThat(cacheControl("/VAADIN/build/missing-ABCDEFGH.js")).as("a 404").isEqualTo("no-store");
    }

    private String cacheControl(String path) throws Exception {
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
                .build(), HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue("Cache-Control").orElse("");
    }

    /** Serves every path with Vaadin's hour of caching, except "missing-" files, which are not found. */
    static final class LikeVaadin extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getRequestURI().contains("missing-")) {
                response.setStatus(404);
                response.setHeader("Cache-Control", "no-store");
                return;
            }
            response.setHeader("Cache-Control", "max-age=3600");
            response.setContentType("text/javascript");
            response.getWriter().write("export {};");
        }
    }
}
