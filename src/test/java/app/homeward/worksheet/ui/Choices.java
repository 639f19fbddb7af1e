package app.homeward.worksheet.ui;

import com.vaadin.browserless.ComponentTester;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementPropertyMap;
import com.vaadin.flow.internal.nodefeature.NodeFeatureRegistry;
import com.vaadin.flow.server.communication.rpc.MapSyncRpcHandler;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

/**
 * A worksheet's choice field ({@link ChoiceField}, package-private) in browserless tests of any package,
 * worked the way the browser works it: a pick is the group's {@code value} property sent as the client
 * sends it (Flow's property sync message), so what the server accepts from a client is what is tested.
 */
public final class Choices {

    /** The choice field's type, for {@code find(Choices.FIELD, form)}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Class<Component> FIELD = (Class) ChoiceField.class;

    private Choices() {
    }

    /** The field as a value holder: {@code Integer} for a rating, {@code String} for a choice, {@code Boolean} for yes/no. */
    @SuppressWarnings("unchecked")
    public static <V> HasValue<?, V> value(Component field) {
        return (HasValue<?, V>) choice(field);
    }

    /** Each choice's label, in order, as the browser shows them. */
    public static List<String> labels(Component field) {
        return choices(field).stream().map(choice -> choice.getProperty("label")).toList();
    }

    /** The labels of the choices the browser is told are checked (none or one). */
    public static List<String> checked(Component field) {
        return choices(field).stream().filter(choice -> choice.getProperty("checked", false))
                .map(choice -> choice.getProperty("label")).toList();
    }

    /**
     * Picks the choice with this label as a client does: only on a field the client can use (shown, enabled,
     * not read-only, not behind a modal), by sending that choice's value.
     */
    public static void choose(Component field, String label) {
        ChoiceField<?> choice = choice(field);
        new ComponentTester<Component>(field) {
            @Override
            public boolean isUsable() {
                return super.isUsable() && !choice.isReadOnly();
            }

            @Override
            protected void notUsableReasons(Consumer<String> collector) {
                super.notUsableReasons(collector);
                if (choice.isReadOnly()) {
                    collector.accept("read only");
                }
            }
        }.ensureComponentIsUsable();
        String key = choices(field).stream().filter(e -> label.equals(e.getProperty("label"))).findFirst()
                .map(e -> e.getProperty("value"))
                .orElseThrow(() -> new AssertionError("no choice labelled " + label + " in " + labels(field)));
        send(field, key);
    }

    /**
     * Sends the group's {@code value} property as a browser would, whatever it holds (a tampered client can
     * send anything): Flow's property sync message through Flow's own handler.
     */
    public static void send(Component field, Object value) {
        choice(field);
        ObjectNode message = JacksonUtils.createObjectNode();
        message.put("type", "mSync");
        message.put("node", field.getElement().getNode().getId());
        message.put("feature", NodeFeatureRegistry.getId(ElementPropertyMap.class));
        message.put("property", "value");
        switch (value) {
            case String s -> message.put("value", s);
            case Integer i -> message.put("value", i);
            case Double d -> message.put("value", d);
            case Boolean b -> message.put("value", b);
            default -> throw new IllegalArgumentException("not a value a browser sends: " + value);
        }
        new MapSyncRpcHandler().handle(UI.getCurrent(), message).ifPresent(Runnable::run);
    }

    private static List<Element> choices(Component field) {
        return choice(field).getElement().getChildren()
                .filter(e -> ChoiceField.CHOICE_TAG.equals(e.getTag())).toList();
    }

    private static ChoiceField<?> choice(Component field) {
        if (!(field instanceof ChoiceField<?> choice)) {
            throw new AssertionError("not a worksheet choice field: " + field);
        }
        return choice;
    }
}
