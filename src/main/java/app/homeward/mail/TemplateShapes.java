package app.homeward.mail;

import org.unbescape.html.HtmlEscape;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders many similar emails once. The reminder outbox sends thousands of messages that differ
 * only in a few printed values (the recipient's name, their unsubscribe link): rendering two
 * Thymeleaf templates per message was a fifth of the delivery's CPU in the benchmark. Here a
 * template is rendered once per <em>shape</em> — template, language and every model value except
 * the fill-ins — with a marker in place of each fill-in; each message then fills in its own values,
 * escaped as Thymeleaf escapes printed text in that template mode (HTML: markup-significant
 * characters; text: none).
 * <p>
 * Only values that the template prints as they are may be fill-ins: a value used to build a message
 * key, a condition or a choice ("one entry" / "3 entries") must stay in the shape. The markers carry
 * a random nonce, and are replaced in one pass over the rendered shape, so a value that happens to
 * contain marker-like text is never itself replaced.
 */
final class TemplateShapes {

    /** Shapes are per clinic, language and kind: a few thousand at most; past that, start again. */
    private static final int LIMIT = 5_000;

    private final String nonce = HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
    private final Pattern marker = Pattern.compile("hwfill" + nonce + "x(\\d+)x");
    private final Map<Key, Shape> shapes = new ConcurrentHashMap<>();

    private record Key(String template, Locale locale, Map<String, Object> fixed, List<String> fillIns) {
    }

    /** A rendered shape: subject, and text and HTML as literal parts with numbered holes between them. */
    private record Shape(Parts subject, Parts text, Parts html) {
    }

    /** Literal parts with a fill-in index between each two (holes.length == literals.length - 1). */
    private record Parts(String[] literals, int[] holes) {

        String fill(String[] values, Function<String, String> escape) {
            StringBuilder out = new StringBuilder(literals[0].length() * 2);
            out.append(literals[0]);
            for (int i = 0; i < holes.length; i++) {
                out.append(escape.apply(values[holes[i]])).append(literals[i + 1]);
            }
            return out.toString();
        }
    }

    /** What renders a shape: the model given has markers in place of the fill-ins. */
    @FunctionalInterface
    interface Renderer {
        MailMessage render(Map<String, Object> model);
    }

    /**
     * The subject, text and HTML for {@code model}, from the cached shape (rendered with
     * {@code renderer} the first time).
     *
     * @return {subject, text, html}
     */
    String[] fill(String template, Locale locale, Map<String, Object> model, Set<String> fillIns, Renderer renderer) {
        List<String> names = fillIns.stream().sorted().toList();
        Map<String, Object> fixed = new HashMap<>(model);
        names.forEach(fixed::remove);
        Key key = new Key(template, locale, fixed, names);
        Shape shape = shapes.get(key);
        if (shape == null) {
            if (shapes.size() >= LIMIT) {
                shapes.clear();
            }
            Map<String, Object> withMarkers = new HashMap<>(fixed);
            for (int i = 0; i < names.size(); i++) {
                withMarkers.put(names.get(i), "hwfill" + nonce + "x" + i + "x");
            }
            MailMessage rendered = renderer.render(withMarkers);
            shape = new Shape(parts(rendered.subject()), parts(rendered.text()), parts(rendered.html()));
            shapes.put(key, shape);
        }
        String[] values = new String[names.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = model.get(names.get(i));
            values[i] = value == null ? "" : value.toString();
        }
        return new String[] {shape.subject().fill(values, Function.identity()), shape.text().fill(values, Function.identity()),
                shape.html().fill(values, HtmlEscape::escapeHtml4Xml)};
    }

    /** Splits rendered output at the markers. */
    private Parts parts(String rendered) {
        List<String> literals = new ArrayList<>();
        List<Integer> holes = new ArrayList<>();
        Matcher m = marker.matcher(rendered);
        int from = 0;
        while (m.find()) {
            literals.add(rendered.substring(from, m.start()));
            holes.add(Integer.parseInt(m.group(1)));
            from = m.end();
        }
        literals.add(rendered.substring(from));
        return new Parts(literals.toArray(String[]::new), holes.stream().mapToInt(Integer::intValue).toArray());
    }
}
