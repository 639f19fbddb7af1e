package app.homeward;

import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.web.server.WebServer;

import java.net.http.HttpClient;

/**
 * A test of what goes over real HTTP on an embedded Tomcat it builds itself, without a Spring context: the
 * client it sends with and the server it stops after each test.
 */
public abstract class RealTomcatTest {

    protected static final HttpClient HTTP = HttpClient.newHttpClient();
    protected WebServer server;

    @AfterEach
    protected void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
