package app.homeward.worksheet.ui;

import com.vaadin.flow.component.Component;

/** One field of the renderer: its component, its answer (JSON-shaped), and where its problems show. */
interface FieldInput {

    Component component();

    /** The answer as stored: String, BigDecimal, Integer, Boolean, List or null when empty. */
    Object value();

    /** Shows a problem at this field (null clears it). {@code path} is the cell path for tables and ladders, else null. */
    void showError(String path, String message);

    void clearErrors();

    void focus();

    /** A small translation hook so inputs can be built outside a component's own methods. */
    @FunctionalInterface
    interface Translator {
        String t(String key, Object... arguments);
    }
}
