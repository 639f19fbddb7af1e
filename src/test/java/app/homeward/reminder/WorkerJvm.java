package app.homeward.reminder;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Homeward instance in a JVM of its own ({@link ReminderWorkerMain}) on the test's database: the
 * same MariaDB when the tests run with the mysql profile (the child inherits the environment), or
 * the test JVM's in-memory H2, which {@link #shareH2} exposes over TCP. It delivers reminders with
 * short db-scheduler settings (poll every second, heartbeat every second, dead after 4 missed beats, db-scheduler's minimum)
 * and sends mail to the given SMTP port. Its log goes to target/reliability/NAME.log.
 */
final class WorkerJvm {

    static final String READY = "reminder delivery started";

    private final String name;
    private final Process process;
    private final Path log;

    private WorkerJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * When the tests run on the in-memory H2, serves it over TCP and answers the JDBC URL for
     * workers; on another database (MariaDB), answers null: the workers use the profile's URL.
     */
    static H2Share shareH2(String testJdbcUrl) throws Exception {
        if (testJdbcUrl == null || !testJdbcUrl.startsWith("jdbc:h2:mem:")) {
            return null;
        }
        String database = testJdbcUrl.substring("jdbc:h2:mem:".length()).split(";")[0];
        int port = freePort();
        // H2 is a runtime dependency (not on the test compile path): reflection
        Class<?> serverClass = Class.forName("org.h2.tools.Server");
        Object server = serverClass.getMethod("createTcpServer", String[].class)
                .invoke(null, (Object) new String[]{"-tcpPort", String.valueOf(port), "-ifExists"});
        serverClass.getMethod("start").invoke(server);
        String url = "jdbc:h2:tcp://localhost:" + port + "/mem:" + database + ";MODE=MySQL;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        return new H2Share(server, serverClass.getMethod("stop"), url);
    }

    record H2Share(Object server, Method stop, String url) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            stop.invoke(server);
        }
    }

    /** @param clockOffset the test JVM's {@link app.homeward.base.AppClock#offset()}: the worker lives in the same time */
    static WorkerJvm start(String name, String h2Url, int smtpPort, Duration clockOffset, String... extraArgs)
            throws IOException {
        Path dir = Path.of("target", "reliability");
        Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-D" + ReminderWorkerMain.CLOCK_OFFSET + "=" + clockOffset,
                "-cp", System.getProperty("java.class.path"),
                ReminderWorkerMain.class.getName(),
                "--homeward.reminders.delivery.enabled=true",
                "--homeward.reminders.polling=1s",
                "--homeward.reminders.heartbeat=1s",
                "--homeward.reminders.missed-heartbeats=4",
                "--homeward.tenants.import=false",
                "--homeward.dev-mailbox.enabled=false",
                "--homeward.operator.email=",
                "--homeward.base-url=http://localhost:8080",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--spring.jmx.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.app.homeward=INFO"));
        if (h2Url != null) {
            command.add("--spring.datasource.url=" + h2Url);
        }
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        WorkerJvm worker = new WorkerJvm(name, process, log);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return worker;
    }

    /** Waits until the worker has started delivering (its log says so). */
    WorkerJvm awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("worker " + name + " exited during start-up:\n" + tail());
            }
            if (Files.readString(log, StandardCharsets.UTF_8).contains(READY)) {
                return this;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("worker " + name + " not ready within " + timeout + ":\n" + tail());
    }

    /** kill -9: no shutdown hook, no finally block, no closing of connections. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** What this instance's log says it sent: reminders per clinic ("reminders sent count=N", clinic from the MDC). */
    Map<UUID, Integer> sentPerClinic() throws IOException {
        Map<UUID, Integer> result = new HashMap<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = SENT.matcher(line);
            if (m.find()) {
                result.merge(UUID.fromString(m.group(1)), Integer.parseInt(m.group(2)), Integer::sum);
            }
        }
        return result;
    }

    private static final Pattern SENT = Pattern.compile("clinic=([0-9a-f-]{36})].*reminders sent count=(\\d+)");

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
