package app.homeward.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser tab knows of one Vaadin UI, kept the way Flow's client keeps it: the state tree the server
 * sends as "changes" (node → tag, properties, attributes, children, class list, DOM listeners), the CSRF
 * token ({@code Vaadin-Security-Key}) and the sync ids. From it the benchmark builds the same UIDL messages
 * the browser sends ({@code mSync} for a synchronised property, {@code event} for a DOM event,
 * {@code ui-navigate} for a router link) with the token and ids the server handed out, so Vaadin's XSRF
 * and sync-id checks stay on. One per virtual user; a full page load replaces the state.
 *
 * <p>Node features (Flow's {@code NodeFeatures}): 0 element data (tag), 1 properties, 2 children,
 * 3 attributes, 4 DOM listeners, 7 text, 11 class list, 24 virtual children.
 */
public final class VaadinUi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int DATA = 0, PROPERTIES = 1, CHILDREN = 2, ATTRIBUTES = 3, LISTENERS = 4, TEXT = 7,
            CLASSES = 11;

    /** One state node: its features, each a map (key → value) or a list (children, class names). */
    static final class Node {
        final Map<Integer, Map<String, Object>> maps = new HashMap<>();
        final Map<Integer, List<Object>> lists = new HashMap<>();
        int parent = -1;

        Map<String, Object> map(int feature) {
            return maps.computeIfAbsent(feature, f -> new LinkedHashMap<>());
        }

        List<Object> list(int feature) {
            return lists.computeIfAbsent(feature, f -> new ArrayList<>());
        }

        String tag() {
            return (String) map(DATA).get("tag");
        }

        String attribute(String name) {
            Object v = map(ATTRIBUTES).get(name);
            return v == null ? null : v.toString();
        }
    }

    private final Map<Integer, Node> nodes = new HashMap<>();
    /** DOM listener data expressions by constant key (the server sends each once per UI). */
    private final Map<String, JsonNode> constants = new HashMap<>();
    int uiId = -1;
    private String csrf;
    private int syncId = -1;
    private int clientId;
    /** Scripts of the last response whose results the server waits for, answered as the browser would. */
    private final List<ObjectNode> answers = new ArrayList<>();
    /** Nodes attached since {@link #upgradeEvents()} was last asked, in the order the server attached them. */
    private final List<Integer> attached = new ArrayList<>();
    private static final Pattern SUCCESS_CHANNEL = Pattern.compile("\\)\\.then\\(\\$(\\d+),");
    private static final Pattern RETURN_NUMBER =
            Pattern.compile("^try\\{Promise\\.resolve\\(\\(async function\\(\\)\\{\\s*return (-?\\d+);?\\s*\\}");
    /** Where the server sent the browser with {@code Page.setLocation} ({@code window.open(url, '_self')}). */
    String location;
    /** Set while signing out: the session ending is then the expected answer, not a failure. */
    boolean signingOut;
    /** What the last response amounted to ("ok" or why not), for the error table. */
    volatile String lastOutcome;

    /** The init request a browser's Flow client makes after the bootstrap page (Flow.js, flowInitUi). */
    static String initQuery(String route) {
        return "?v-r=init&location=" + enc(route) + "&query=&v-sh=900&v-sw=1440&v-wh=800&v-ww=1280&v-bh=800"
                + "&v-bw=1280&v-curdate=" + System.currentTimeMillis()
                + "&v-tzo=0&v-dstd=60&v-rtzo=0&v-dston=false&v-tzid=Europe%2FLondon&v-td=false&v-pr=1";
    }

    String uidlQuery() {
        return "?v-r=uidl&v-uiId=" + uiId;
    }

    /** A full page load: forget the old UI, take the new one from the init response. */
    String init(String body) {
        nodes.clear();
        constants.clear();
        answers.clear();
        attached.clear();
        location = null;
        syncId = -1;
        clientId = 0;
        try {
            JsonNode config = JSON.readTree(body).path("appConfig");
            if (!config.has("v-uiId")) {
                return "no appConfig in the init response: " + head(body);
            }
            uiId = config.get("v-uiId").asInt();
            return apply(config.path("uidl"));
        } catch (Exception e) {
            return "init not JSON: " + head(body);
        }
    }

    /** A UIDL response: apply it, or say why it is not what a working UI gets. */
    String uidl(String body) {
        try {
            String json = body.startsWith("for(;;);") ? body.substring(8) : body;
            JsonNode message = JSON.readTree(json);
            if (message.isArray()) {
                message = message.get(0);
            }
            return apply(message);
        } catch (Exception e) {
            return "UIDL not JSON: " + head(body);
        }
    }

    private String apply(JsonNode m) {
        JsonNode meta = m.path("meta");
        if (meta.path("sessionExpired").asBoolean(false)) {
            // signing out invalidates the session; Vaadin then answers "session expired" (or with the
            // redirect to the signed-out page, whichever comes first): both are a finished sign-out
            return signingOut ? "ok" : "session expired";
        }
        if (meta.has("appError")) {
            return "application error: " + head(meta.get("appError").toString());
        }
        if (m.path("resynchronize").asBoolean(false)) {
            return "server asked to resynchronize";
        }
        if (!m.has("syncId")) {
            return "no syncId: " + head(m.toString());
        }
        syncId = m.get("syncId").asInt();
        clientId = m.path("clientId").asInt(clientId + 1);
        if (m.has("Vaadin-Security-Key")) {
            csrf = m.get("Vaadin-Security-Key").asText();
        }
        m.path("constants").fields().forEachRemaining(e -> constants.put(e.getKey(), e.getValue()));
        for (JsonNode c : m.path("changes")) {
            change(c);
        }
        for (JsonNode e : m.path("execute")) {
            String script = e.get(e.size() - 1).asText();
            if (script.contains("window.open($0, $1)") && "_self".equals(e.get(1).asText())) {
                location = e.get(0).asText();
            }
            answer(e, script);
        }
        return "ok";
    }

    /**
     * A script whose result the server waits for ({@code executeJs(…).then(…)}): Flow wraps it in
     * {@code try{Promise.resolve((async function(){…})…).then($S, …)} and passes its return channels as
     * {@code {"@v-return": [node, channel]}} parameters; the browser runs it and calls channel S with the
     * result. Kept here to be answered: with the number a {@code return N} script gives, else null (the
     * benchmarks run no script).
     */
    private void answer(JsonNode invocation, String script) {
        Matcher success = SUCCESS_CHANNEL.matcher(script);
        if (!script.startsWith("try{Promise.resolve((async function(){") || !success.find()) {
            return;
        }
        JsonNode channel = invocation.path(Integer.parseInt(success.group(1))).path("@v-return");
        if (channel.size() != 2) {
            return;
        }
        Matcher literal = RETURN_NUMBER.matcher(script);
        ObjectNode rpc = JSON.createObjectNode();
        rpc.put("type", "channel");
        rpc.put("node", channel.get(0).asInt());
        rpc.put("channel", channel.get(1).asInt());
        ArrayNode args = rpc.putArray("args");
        if (literal.find()) {
            args.add(Long.parseLong(literal.group(1)));
        } else {
            args.addNull();
        }
        answers.add(rpc);
    }

    /** The results of the scripts received so far that wait for one (see {@link #answer}), as RPCs; then none. */
    ArrayNode scriptResults() {
        ArrayNode rpcs = rpcs();
        answers.forEach(rpcs::add);
        answers.clear();
        return rpcs;
    }

    /**
     * What the browser sends once the elements attached since the last call have upgraded: each web component
     * fires {@code <property>-changed} for its notifying properties, so every such DOM listener the server
     * asked for gets its event, and each synchronised property the server has no value for is sent with the
     * component's default ({@link #DEFAULTS}; e.g. an empty radio group's {@code value} ""), as Flow's client
     * does. Seen in Chromium's own traffic (bench/session-memory README); then none.
     */
    ArrayNode upgradeEvents() {
        ArrayNode events = rpcs();
        ArrayNode syncs = rpcs();
        for (int id : attached) {
            Node node = nodes.get(id);
            if (node == null) {
                continue;
            }
            for (Map.Entry<String, Object> l : node.map(LISTENERS).entrySet()) {
                if (!l.getKey().endsWith("-changed")) {
                    continue;
                }
                ObjectNode e = events.addObject();
                e.put("type", "event");
                e.put("node", id);
                e.put("event", l.getKey());
                e.set("data", JSON.createObjectNode());
                JsonNode expressions = constants.get(String.valueOf(l.getValue()));
                if (expressions == null) {
                    continue;
                }
                expressions.fieldNames().forEachRemaining(k -> {
                    String property = k.startsWith("}") ? k.substring(1) : null;
                    if (property != null && DEFAULTS.containsKey(property) && !node.map(PROPERTIES).containsKey(property)) {
                        ObjectNode sync = syncs.addObject();
                        sync.put("type", "mSync");
                        sync.put("node", id);
                        sync.put("feature", PROPERTIES);
                        sync.put("property", property);
                        sync.set("value", DEFAULTS.get(property));
                    }
                });
            }
        }
        attached.clear();
        events.addAll(syncs);
        return events;
    }

    /** Defaults of the web components' synchronised properties the pages use (desktop width: drawer open). */
    private static final Map<String, JsonNode> DEFAULTS = Map.of(
            "value", JSON.getNodeFactory().textNode(""),
            "drawerOpened", JSON.getNodeFactory().booleanNode(true),
            "overlay", JSON.getNodeFactory().booleanNode(false),
            "collapsed", JSON.getNodeFactory().booleanNode(false),
            "expanded", JSON.getNodeFactory().booleanNode(false),
            "checked", JSON.getNodeFactory().booleanNode(false),
            "indeterminate", JSON.getNodeFactory().booleanNode(false),
            "opened", JSON.getNodeFactory().booleanNode(false));

    private void change(JsonNode c) {
        int id = c.get("node").asInt();
        String type = c.get("type").asText();
        if (type.equals("detach")) {
            nodes.remove(id);
            return;
        }
        Node node = nodes.computeIfAbsent(id, k -> new Node());
        int feature = c.path("feat").asInt(-1);
        switch (type) {
            case "put" -> node.map(feature).put(c.get("key").asText(),
                    c.has("nodeValue") ? (Object) ("@node:" + c.get("nodeValue").asInt()) : value(c.get("value")));
            case "remove" -> node.map(feature).remove(c.get("key").asText());
            case "clear" -> {
                node.maps.remove(feature);
                node.lists.remove(feature);
            }
            case "splice" -> {
                List<Object> list = node.list(feature);
                int index = c.get("index").asInt();
                int remove = c.path("remove").asInt(0);
                for (int i = 0; i < remove && index < list.size(); i++) {
                    list.remove(index);
                }
                List<Object> added = new ArrayList<>();
                if (c.has("addNodes")) {
                    for (JsonNode n : c.get("addNodes")) {
                        added.add(n.asInt());
                        nodes.computeIfAbsent(n.asInt(), k -> new Node()).parent = id;
                    }
                } else if (c.has("add")) {
                    for (JsonNode v : c.get("add")) {
                        added.add(value(v));
                    }
                }
                list.addAll(Math.min(index, list.size()), added);
            }
            default -> attached.add(id); // attach: the node exists from now on
        }
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    // --- finding what a person would see ------------------------------------------------------------------

    Optional<Integer> byId(String id) {
        return find(n -> id.equals(n.attribute("id")));
    }

    int needId(String id) {
        return byId(id).orElseThrow(() -> new IllegalStateException("no #" + id + " on the page"));
    }

    Optional<Integer> find(Predicate<Node> test) {
        return nodes.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey).sorted().findFirst();
    }

    List<Integer> all(Predicate<Node> test) {
        return nodes.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey).sorted().toList();
    }

    Node node(int id) {
        return nodes.get(id);
    }

    boolean hasClass(int id, String name) {
        Node n = nodes.get(id);
        return n != null && n.list(CLASSES).contains(name);
    }

    /** The node's subtree in document order (element children only). */
    List<Integer> subtree(int id) {
        List<Integer> out = new ArrayList<>();
        out.add(id);
        Node n = nodes.get(id);
        if (n != null) {
            for (Object child : n.list(CHILDREN)) {
                out.addAll(subtree((Integer) child));
            }
        }
        return out;
    }

    String text(int id) {
        StringBuilder b = new StringBuilder();
        for (int n : subtree(id)) {
            Object t = nodes.get(n).map(TEXT).get("text");
            if (t != null) {
                b.append(t).append(' ');
            }
        }
        return b.toString().trim();
    }

    int parentOf(int id) {
        Node n = nodes.get(id);
        return n == null ? -1 : n.parent;
    }

    /** Router links on the page whose href starts with the prefix (a grid's component cells included). */
    List<String> hrefs(String prefix) {
        return all(n -> "a".equals(n.tag()) && n.attribute("href") != null && n.attribute("href").startsWith(prefix))
                .stream().map(id -> nodes.get(id).attribute("href")).toList();
    }

    // --- what the browser sends ---------------------------------------------------------------------------

    /** The browser's message: the RPCs, the CSRF token, the last server sync id and its own message id. */
    String message(ArrayNode rpcs) {
        ObjectNode m = JSON.createObjectNode();
        m.put("csrfToken", csrf);
        m.set("rpc", rpcs);
        m.put("syncId", syncId);
        m.put("clientId", clientId);
        return m.toString();
    }

    /** The unload beacon a page sends as it goes, so the server closes the UI at once. */
    String unload() {
        ObjectNode m = (ObjectNode) read(message(JSON.createArrayNode()));
        m.put("UNLOAD", true);
        return m.toString();
    }

    static ArrayNode rpcs() {
        return JSON.createArrayNode();
    }

    /** A synchronised property changed in the browser (a typed value, a ticked radio) and its DOM event. */
    ArrayNode set(ArrayNode rpcs, int node, String property, String value) {
        String event = listenerSyncing(node, property);
        ObjectNode sync = rpcs.addObject();
        sync.put("type", "mSync");
        sync.put("node", node);
        sync.put("feature", PROPERTIES);
        sync.put("property", property);
        sync.put("value", value);
        ObjectNode e = rpcs.addObject();
        e.put("type", "event");
        e.put("node", node);
        e.put("event", event);
        e.set("data", JSON.createObjectNode());
        return rpcs;
    }

    /** A click, with the event data the server asked for (mouse position 0, no modifier keys). */
    ArrayNode click(ArrayNode rpcs, int node) {
        ObjectNode data = JSON.createObjectNode();
        JsonNode expressions = constants.get(String.valueOf(nodes.get(node).map(LISTENERS).get("click")));
        if (expressions == null) {
            throw new IllegalStateException("node " + node + " has no click listener");
        }
        expressions.fieldNames().forEachRemaining(k -> {
            if (k.startsWith("}") || !k.startsWith("event.")) {
                return;
            }
            if (k.endsWith("Key")) {
                data.put(k, false);
            } else {
                data.put(k, k.equals("event.detail") ? 1 : 0);
            }
        });
        ObjectNode e = rpcs.addObject();
        e.put("type", "event");
        e.put("node", node);
        e.put("event", "click");
        e.set("data", data);
        return rpcs;
    }

    /** What the client router sends on the UI (node 1) when a router link is followed. */
    ArrayNode routerEvent(ArrayNode rpcs, String event, String route) {
        ObjectNode e = rpcs.addObject();
        e.put("type", "event");
        e.put("node", 1);
        e.put("event", event);
        ObjectNode data = e.putObject("data");
        data.put("route", route);
        data.put("query", "");
        if (event.equals("ui-navigate")) {
            data.put("appShellTitle", "");
            data.putObject("historyState").put("idx", 1);
            data.put("trigger", "link");
        }
        return rpcs;
    }

    private String listenerSyncing(int node, String property) {
        for (Map.Entry<String, Object> l : nodes.get(node).map(LISTENERS).entrySet()) {
            JsonNode expressions = constants.get(String.valueOf(l.getValue()));
            if (expressions != null && expressions.has("}" + property)) {
                return l.getKey();
            }
        }
        throw new IllegalStateException("node " + node + " does not synchronise " + property);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String head(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
