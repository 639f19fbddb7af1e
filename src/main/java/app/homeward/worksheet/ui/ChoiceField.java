package app.homeward.worksheet.ui;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.HasAriaLabel;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.shared.HasThemeVariant;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.dom.Element;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One answer out of a few (a rating point, a choice, yes or no) on Vaadin's {@code vaadin-radio-group} web
 * component, whose choices are plain {@code vaadin-radio-button} elements: each holds its index as
 * {@code value} and its text as {@code label}, and the web component draws the label, the keyboard
 * navigation and the focus itself. Vaadin's {@code RadioButtonGroup} builds a server-side component per
 * choice with its own label element and a text node in it, three state nodes held in the session per
 * choice; this is one (decision 0043). Only the index crosses to the browser: a value the client sends
 * that is no choice's index, or any value while the field is read-only, is ignored and the client is shown
 * the answer again.
 */
// the web component ships with Vaadin's RadioButtonGroup (vaadin-radio-button-flow), in the same bundle:
// this names the same module, so no frontend build is needed and the version follows the platform's
@Tag("vaadin-radio-group")
@JsModule("@vaadin/radio-group/src/vaadin-radio-group.js")
final class ChoiceField<T> extends AbstractSinglePropertyField<ChoiceField<T>, T>
        implements HasLabel, HasHelper, HasValidationProperties, HasThemeVariant<RadioGroupVariant>, HasAriaLabel,
        HasSize, HasStyle {

    static final String CHOICE_TAG = "vaadin-radio-button";

    private List<T> items = List.of();
    private ItemLabelGenerator<T> itemLabels = String::valueOf;

    ChoiceField() {
        super("value", null, String.class, ChoiceField::itemFor, ChoiceField::keyFor);
        // the form says what is wrong (WorksheetForm's checks); the web component must not mark itself
        // invalid on blur behind the server's back
        getElement().setProperty("manualValidation", true);
        getElement().addPropertyChangeListener("value", event -> {
            if (event.isUserOriginated() && !showsAnswer(event.getValue())) {
                // the client's value was refused (hasValidValue): it shows the answer the server holds again
                setPresentationValue(getValue());
            }
        });
        addValueChangeListener(event -> markChecked());
    }

    /** The choices, in order; clears the answer if it is not among them. */
    void setItems(List<T> choices) {
        items = List.copyOf(choices);
        getElement().removeAllChildren();
        for (int i = 0; i < items.size(); i++) {
            Element choice = new Element(CHOICE_TAG);
            choice.setProperty("value", Integer.toString(i));
            choice.setProperty("label", itemLabels.apply(items.get(i)));
            getElement().appendChild(choice);
        }
        if (getValue() != null && !items.contains(getValue())) {
            clear();
        }
        setPresentationValue(getValue());
        markChecked();
    }

    void setItemLabelGenerator(ItemLabelGenerator<T> labels) {
        itemLabels = Objects.requireNonNull(labels);
        for (int i = 0; i < items.size(); i++) {
            getElement().getChild(i).setProperty("label", itemLabels.apply(items.get(i)));
        }
    }

    ItemLabelGenerator<T> getItemLabelGenerator() {
        return itemLabels;
    }

    /**
     * The web component takes a client's pick only from an enabled radio button, but a client can send
     * anything: only a choice's index is an answer, and nothing changes while read-only. Nor does a client
     * clear an answer: a radio group offers no way to (Vaadin's treats an unknown value as "no answer").
     */
    @Override
    protected boolean hasValidValue() {
        return !isReadOnly() && getElement().getPropertyRaw("value") instanceof String key && itemAt(key).isPresent();
    }

    /** Whether a value the client holds is the answer's key ("" is how the web component says none). */
    private boolean showsAnswer(Object sent) {
        String key = keyFor(this, getValue());
        return sent instanceof String s ? Objects.equals(blankToNull(s), key) : sent == null && key == null;
    }

    @Override
    public void setAriaLabel(String ariaLabel) {
        // as Vaadin's radio group: the web component puts its accessible name on the role=radiogroup element
        getElement().setProperty("accessibleName", ariaLabel);
    }

    @Override
    public Optional<String> getAriaLabel() {
        return Optional.ofNullable(getElement().getProperty("accessibleName"));
    }

    @Override
    public void setAriaLabelledBy(String labelledBy) {
        getElement().setProperty("accessibleNameRef", labelledBy);
    }

    @Override
    public Optional<String> getAriaLabelledBy() {
        return Optional.ofNullable(getElement().getProperty("accessibleNameRef"));
    }

    /**
     * Each radio button's {@code checked} follows the answer, so the browser shows it even where the group's
     * value reaches it before its buttons, and a group the browser builds again shows the same answer.
     */
    private void markChecked() {
        String key = keyFor(this, getValue());
        for (int i = 0; i < getElement().getChildCount(); i++) {
            Element choice = getElement().getChild(i);
            choice.setProperty("checked", Objects.equals(choice.getProperty("value"), key));
        }
    }

    private Optional<T> itemAt(String key) {
        for (int i = 0; i < items.size(); i++) {
            if (Integer.toString(i).equals(key)) {
                return Optional.of(items.get(i));
            }
        }
        return Optional.empty();
    }

    private static <T> T itemFor(ChoiceField<T> field, String key) {
        return key == null ? null : field.itemAt(key).orElse(null);
    }

    private static <T> String keyFor(ChoiceField<T> field, T item) {
        int index = item == null ? -1 : field.items.indexOf(item);
        return index < 0 ? null : Integer.toString(index);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
