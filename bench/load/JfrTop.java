import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the application's CPU went during the load levels (bench/load, JFR=1): the execution samples of the
 * flight recording taken after FROM (epoch ms; the end of the warm-up), summarised three ways: the top frames
 * (where the CPU was when sampled), the first frame of Homeward's own code on the stack (which of our code
 * paths led there), and chosen frames counted inclusively (everything under them).
 *
 * <p>Usage: java JfrTop.java app.jfr FROM_EPOCH_MS
 */
public class JfrTop {

    /** Frames worth counting inclusively: the paths the profile of 5 December pointed at. */
    static final List<String> WATCH = List.of(
            "com.vaadin.flow.server.communication.UidlRequestHandler.synchronizedHandleRequest",
            "com.vaadin.flow.server.communication.JavaScriptBootstrapHandler.synchronizedHandleRequest",
            "com.vaadin.flow.server.communication.IndexHtmlRequestHandler.synchronizedHandleRequest",
            "com.vaadin.flow.server.communication.UidlWriter.createUidl",
            "com.vaadin.flow.router.Router.executeNavigation",
            "app.homeward.security.SignInService.check",
            "org.bouncycastle.crypto.generators.Argon2BytesGenerator.generateBytes",
            "com.vaadin.flow.server.menu.MenuConfiguration.getMenuEntries",
            "com.vaadin.flow.spring.security.SpringNavigationAccessControl.getRolesChecker",
            "com.vaadin.flow.server.auth.AnnotatedViewAccessChecker.check",
            "app.homeward.security.SessionGuardFilter.doFilterInternal",
            "app.homeward.security.AccountDirectory.sessionLimits",
            "org.hibernate.internal.SessionImpl.flush",
            "org.hibernate.query.spi.AbstractSelectionQuery.list",
            "org.mariadb.jdbc.ClientPreparedStatement.executeInternal",
            "tools.jackson.databind.ObjectMapper.writeValueAsString",
            "app.homeward.homework.portal.EntryService.saveDraft",
            "app.homeward.homework.portal.EntryService.submit",
            "app.homeward.homework.portal.TodayService.today",
            "app.homeward.homework.portal.EntryService.open",
            "app.homeward.audit.AuditWriter.write",
            "java.lang.ClassLoader.getResources");

    public static void main(String[] args) throws Exception {
        Instant from = Instant.ofEpochMilli(Long.parseLong(args[1]));
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> watched = new HashMap<>();
        int n = 0;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStartTime().isBefore(from)
                        || e.getStackTrace() == null) {
                    continue;
                }
                List<String> frames = new ArrayList<>();
                for (RecordedFrame f : e.getStackTrace().getFrames()) {
                    frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
                }
                if (frames.isEmpty()) {
                    continue;
                }
                n++;
                top.merge(frames.get(0), 1, Integer::sum);
                frames.stream().filter(f -> f.startsWith("app.homeward.") && !f.contains("$$") && !f.contains("$Proxy"))
                        .findFirst().ifPresent(f -> ours.merge(f, 1, Integer::sum));
                Set<String> seen = new HashSet<>(frames);
                for (String w : WATCH) {
                    if (seen.contains(w)) {
                        watched.merge(w, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "execution samples after the warm-up: %d (stacks truncated at JFR's default depth of 64)%n", n);
        print("top frames (self)", top, n, 20);
        print("first frame of Homeward's code on the stack", ours, n, 20);
        print("inclusive (the frame anywhere on the stack)", watched, n, WATCH.size());
    }

    static void print(String title, Map<String, Integer> counts, int n, int limit) {
        System.out.println(title + ":");
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, n), e.getKey()));
    }
}
