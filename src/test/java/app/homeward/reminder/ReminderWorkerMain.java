package app.homeward.reminder;

import app.homeward.Application;
import app.homeward.base.AppClock;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.context.support.GenericWebApplicationContext;

import java.io.IOException;
import java.time.Duration;

/**
 * A Homeward instance for the reliability tests, run in a JVM of its own: the whole application
 * (every bean, the database, db-scheduler, SMTP) as {@link Application#main} starts it, but on a mock
 * servlet context, as {@code @SpringBootTest} does, instead of Tomcat: a worker serves no pages, and
 * this saves the Vaadin dev-mode start (20–40 s on a busy 2-core machine) for each JVM the tests start.
 */
public final class ReminderWorkerMain {

    /** The test JVM's clock offset ({@link AppClock#offset()}), so the workers live in the test's time. */
    static final String CLOCK_OFFSET = "homeward.worker.clock-offset";

    private ReminderWorkerMain() {
    }

    public static void main(String[] args) {
        // the test JVM holds our standard input open: when it ends (or dies), so does this worker
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever written; wait for the end of the stream
                }
            } catch (IOException ignored) {
                // the same as the end
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        SpringApplication app = new SpringApplication(Application.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        // the test's time, not the wall clock's: the clock is moved as soon as it exists, before the scheduler starts
        Duration offset = Duration.parse(System.getProperty(CLOCK_OFFSET, "PT0S"));
        app.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AppClock clock) {
                    clock.moveBy(offset);
                }
                return bean;
            }
        }));
        app.setApplicationContextFactory(type -> new GenericWebApplicationContext(new MockServletContext()));
        app.run(args);
    }
}
