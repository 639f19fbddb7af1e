package app.homeward.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every server round trip of the steady state (after the ramp-up, before the end), by request name: its
 * time as Gatling measured it (first byte sent to last byte received) and whether it was what a working UI
 * gets. Gatling's own report covers the whole run, ramp-up included; the figures the benchmark prints come
 * from here.
 */
final class Recorder {

    record Sample(String name, long ms, boolean ok) {
    }

    private static final ConcurrentLinkedQueue<Sample> SAMPLES = new ConcurrentLinkedQueue<>();
    private static final Map<String, AtomicInteger> ERRORS = new ConcurrentHashMap<>();
    /** Every round trip of the run, ramp-up included (for the application's CPU time per round trip). */
    private static final AtomicInteger ALL = new AtomicInteger();
    private static volatile long steadyFrom = Long.MAX_VALUE;
    private static volatile long steadyUntil = Long.MAX_VALUE;

    private Recorder() {
    }

    static void window(long from, long until) {
        steadyFrom = from;
        steadyUntil = until;
    }

    static boolean running() {
        return System.currentTimeMillis() < steadyUntil;
    }

    static void add(String name, Long ms, boolean ok, String error) {
        long now = System.currentTimeMillis();
        ALL.incrementAndGet();
        if (!ok) {
            ERRORS.computeIfAbsent(name + ": " + (error == null ? "request failed" : error), k -> new AtomicInteger())
                    .incrementAndGet();
        }
        if (now >= steadyFrom && now <= steadyUntil) {
            SAMPLES.add(new Sample(name, ms == null ? -1 : ms, ok));
        }
    }

    /** Writes the per-request table and the summary line; returns the summary line. */
    static String report(int users, Path out) throws IOException {
        List<Sample> all = new ArrayList<>(SAMPLES);
        Map<String, List<Sample>> byName = new TreeMap<>();
        all.forEach(s -> byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s));
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-44s %7s %6s %6s %6s %6s %5s%n", "round trip (steady state)", "count", "p50",
                "p95", "p99", "max", "KO"));
        byName.forEach((name, samples) -> b.append(line(name, samples)));
        b.append(line("ALL", all));
        if (!ERRORS.isEmpty()) {
            b.append("errors (whole run):\n");
            ERRORS.forEach((k, v) -> b.append("  ").append(v.get()).append("  ").append(k).append('\n'));
        }
        long[] times = okTimes(all);
        long ko = all.stream().filter(s -> !s.ok()).count();
        String summary = String.format(Locale.ROOT, "level=%d requests=%d p50_ms=%d p95_ms=%d p99_ms=%d errors=%d error_rate=%.4f run_requests=%d",
                users, all.size(), pct(times, 50), pct(times, 95), pct(times, 99), ko,
                all.isEmpty() ? 1.0 : ko / (double) all.size(), ALL.get());
        b.append(summary).append('\n');
        Files.writeString(out, b.toString());
        return summary;
    }

    private static String line(String name, List<Sample> samples) {
        long[] t = okTimes(samples);
        long ko = samples.stream().filter(s -> !s.ok()).count();
        return String.format(Locale.ROOT, "%-44s %7d %6d %6d %6d %6d %5d%n", name, samples.size(), pct(t, 50), pct(t, 95),
                pct(t, 99), t.length == 0 ? 0 : t[t.length - 1], ko);
    }

    /** All times, failed ones included when they have one (a slow failure is still slow). */
    private static long[] okTimes(List<Sample> samples) {
        long[] t = samples.stream().mapToLong(Sample::ms).filter(ms -> ms >= 0).toArray();
        Arrays.sort(t);
        return t;
    }

    /** Nearest-rank percentile. */
    static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
