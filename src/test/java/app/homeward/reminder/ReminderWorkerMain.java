package app.homeward.reminder;

import app.homeward.Application;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

/**
 * A Homeward instance for the reliability tests, run in a JVM of its own: the whole application
 * (every bean, the database, db-scheduler, SMTP) as {@link Application#main} starts it, but on a mock
 * servlet context, as {@code @SpringBootTest} does, instead of Tomcat: a worker serves no pages, and
 * this saves the Vaadin dev-mode start (20–40 s on a busy 2-core machine) for each JVM the tests start.
 */
public final class ReminderWorkerMain {

    private ReminderWorkerMain() {
    }

    public static void main(String[] args) {
        // the test JVM holds our standard input open: when it ends (or dies), so does this worker
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever written; wait for the end of the stream
                }
            } catch (java.io.IOException ignored) {
                // the same as the end
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        SpringApplication app = new SpringApplication(Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setApplicationContextFactory(type -> new GenericWebApplicationContext(new MockServletContext()));
        app.run(args);
    }
}
