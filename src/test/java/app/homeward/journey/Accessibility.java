package app.homeward.journey;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * axe-core on every page a journey visits: after each step, the page as it stands (dialogs and menus
 * included, open shadow roots searched) is checked against WCAG 2.2 A and AA and axe's best practices.
 * A serious or critical violation fails the step, so a new one fails CI; every finding of any impact is
 * also written to {@code target/e2e-screenshots/axe-report.txt}.
 *
 * <p>One judgement of ours: axe's {@code target-size} (WCAG 2.5.8) also fails a target that is big
 * enough but lies partly under a fixed or sticky bar at the moment of the check (the client portal's
 * bottom navigation and send bar, a grid's sticky header); on a long page some field always does. Those
 * are reported as {@code target-size-obscured} (moderate); a target that is really too small still fails.
 *
 * <p>axe-core is the copy bundled in Deque's {@code com.deque.html.axe-core:selenium} artifact; only its
 * {@code axe.min.js} is used (pom.xml excludes the integration's own dependencies). With
 * {@code -Dhomeward.e2e.axe=report} findings are only written, never failing a step: for taking stock.
 */
final class Accessibility {

    /** What fails a step: axe's two highest impacts. Moderate and minor findings are reported only. */
    private static final List<String> FAILING = List.of("serious", "critical");

    private static final boolean REPORT_ONLY = "report".equals(System.getProperty("homeward.e2e.axe"));

    private static final String AXE = load();

    /**
     * Runs axe and hands back the violations, each as {id, impact, help, nodes: ["selector", …]}. Injected
     * once per page (a new document loses it). Colour contrast is measured by axe on what is painted.
     */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            // colours are measured as painted: let finite animations (a notification fading in) end first
            const running = document.getAnimations({subtree: true})
                .filter(a => a.effect && a.effect.getTiming().iterations !== Infinity).map(a => a.finished.catch(() => null));
            Promise.race([Promise.all(running), new Promise(r => setTimeout(r, 3000))]).then(() => window.axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
                resultTypes: ['violations']
            }).then(result => {
                const where = nodes => nodes.slice(0, 6)
                    .map(n => n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' >>> '));
                const findings = [];
                for (const v of result.violations) {
                    let nodes = v.nodes;
                    if (v.id === 'target-size') {
                        // a target that is big enough but lies partly under the portal's fixed bottom bar or a
                        // sticky header at this scroll position: reported, not failed (see the class comment)
                        const obscured = nodes.filter(n => /obscured/i.test(n.failureSummary || ''));
                        nodes = nodes.filter(n => !obscured.includes(n));
                        if (obscured.length) {
                            findings.push({id: 'target-size-obscured', impact: 'moderate',
                                help: 'Target partly under a fixed or sticky bar at this scroll position', nodes: where(obscured)});
                        }
                        if (!nodes.length) { continue; }
                    }
                    findings.push({id: v.id, impact: v.impact || 'minor', help: v.help, nodes: where(nodes),
                        summary: (nodes[0].failureSummary || '').replace(/\s+/g, ' ').slice(0, 300)});
                }
                done(findings);
            }).catch(error => done('axe failed: ' + error)));
            """;

    private Accessibility() {
    }

    /** One violation on one page: the rule, how bad, what it asks, and where (at most six elements). */
    record Finding(String rule, String impact, String help, List<String> nodes, String summary) {

        boolean fails() {
            return FAILING.contains(impact);
        }

        @Override
        public String toString() {
            return "%s (%s): %s — %s%s".formatted(rule, impact, help, String.join(" | ", nodes),
                    summary == null || summary.isBlank() ? "" : " — " + summary);
        }
    }

    /**
     * Checks the page; fails (AssertionError) on a serious or critical finding unless reporting only.
     * A page where axe cannot run (a browser error page, a file download) is skipped, not failed.
     */
    static void check(JavascriptExecutor driver, String label, String url) {
        List<Finding> findings = findings(driver);
        if (findings == null) {
            return;
        }
        report(label, url, findings);
        List<Finding> failing = findings.stream().filter(Finding::fails).toList();
        if (!failing.isEmpty() && !REPORT_ONLY) {
            throw new AssertionError("axe found " + failing.size() + " serious or critical accessibility violation(s) at "
                    + url + ":\n  " + String.join("\n  ", failing.stream().map(Finding::toString).toList()));
        }
    }

    @SuppressWarnings("unchecked")
    static List<Finding> findings(JavascriptExecutor driver) {
        Object result;
        try {
            if (driver instanceof WebDriver web) {
                web.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            }
            // evaluated through the driver, not as a <script> element: the app's Content-Security-Policy
            // rightly refuses inline scripts, and WebDriver's own evaluation is outside its reach
            if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
                driver.executeScript(AXE + "\n;window.axe = window.axe || axe; return true;");
            }
            result = driver.executeAsyncScript(RUN);
        } catch (WebDriverException e) {
            System.out.println("[axe] not run: " + e.getClass().getSimpleName() + ": "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return null;
        }
        if (!(result instanceof List<?> violations)) {
            throw new AssertionError(String.valueOf(result));
        }
        List<Finding> findings = new ArrayList<>();
        for (Object item : violations) {
            Map<String, Object> violation = (Map<String, Object>) item;
            findings.add(new Finding((String) violation.get("id"), (String) violation.get("impact"),
                    (String) violation.get("help"), (List<String>) violation.get("nodes"),
                    (String) violation.get("summary")));
        }
        return findings;
    }

    private static void report(String label, String url, List<Finding> findings) {
        StringBuilder text = new StringBuilder();
        text.append("== ").append(label).append("  ").append(url).append('\n');
        if (findings.isEmpty()) {
            text.append("   no violations\n");
        }
        findings.forEach(f -> text.append("   ").append(f).append('\n'));
        try {
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.writeString(Browser.SCREENSHOTS.resolve("axe-report.txt"), text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("[axe] could not write the report: " + e);
        }
        long failing = findings.stream().filter(Finding::fails).count();
        System.out.printf("[axe] %s: %d violation(s), %d serious or critical%n", label, findings.size(), failing);
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
