package app.homeward.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.shared.Registration;

import java.util.ArrayList;
import java.util.List;

/**
 * A staff grid at phone width (issue 14): the first column stays, the others are hidden, and what they
 * showed moves into the first column's cell as labelled lines ("To review: 2"), so nothing is cut off and
 * nothing needs sideways scrolling. Which columns show follows the browser window's width, read when the
 * grid is attached and on every resize, at {@link #PHONE_WIDTH}; on a wider screen every column shows.
 *
 * <p>Columns are added through this class, so the cell a column shows and the line that stands in for it
 * come from the same function and cannot drift apart. Only one of the two is ever built for an item (the
 * lines when folded, the column's cell when not), so a button in a folded column exists once, and the
 * rows are rendered again when the width crosses the line.
 */
public final class PhoneColumns<T> {

    /** Below this many CSS pixels the grid folds (the stylesheet's own phone rules start at 600 px too). */
    public static final int PHONE_WIDTH = 600;

    private record Folded<T>(Grid.Column<T> column, String header, SerializableFunction<T, Component> cell) {
    }

    private final Grid<T> grid;
    private final List<Folded<T>> folded = new ArrayList<>();
    private Registration resizing;
    private boolean narrow;

    public PhoneColumns(Grid<T> grid) {
        this.grid = grid;
        grid.addClassName("phone-columns");
        grid.addAttachListener(attached -> {
            var page = attached.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> width(details.getWindowInnerWidth()));
            resizing = page.addBrowserWindowResizeListener(resized -> width(resized.getWidth()));
        });
        grid.addDetachListener(detached -> {
            if (resizing != null) {
                resizing.remove();
                resizing = null;
            }
        });
    }

    /**
     * The first column: the cell, followed by one line per folded column (shown only at phone width).
     */
    public Grid.Column<T> first(SerializableFunction<T, Component> cell) {
        return grid.addComponentColumn(item -> {
            if (!narrow) {
                return cell.apply(item);
            }
            Div lines = new Div();
            lines.addClassName("phone-lines");
            for (Folded<T> other : folded) {
                Component value = other.cell().apply(item);
                if (value.getElement().getTextRecursively().isBlank()) {
                    continue; // "Attention:" with nothing after it reads as something missing: no line instead
                }
                Span label = new Span(other.header() + ":");
                label.addClassName("phone-line-label");
                Div line = new Div(label, value);
                line.addClassName("phone-line");
                lines.add(line);
            }
            Div wrapper = new Div(cell.apply(item), lines);
            wrapper.addClassName("phone-first-cell");
            return wrapper;
        });
    }

    /** A column that gives way to a line in the first column at phone width; the header is set here. */
    public Grid.Column<T> folded(String header, SerializableFunction<T, Component> cell) {
        Grid.Column<T> column = grid.addComponentColumn(item -> narrow ? new Span() : cell.apply(item)).setHeader(header);
        folded.add(new Folded<>(column, header, cell));
        column.setVisible(!narrow);
        return column;
    }

    /** A text column that folds the same way. */
    public Grid.Column<T> foldedText(String header, SerializableFunction<T, String> text) {
        return folded(header, item -> new Span(text.apply(item)));
    }

    /** Shows or hides the folded columns for a window this many CSS pixels wide. */
    public void width(int pixels) {
        boolean phone = pixels > 0 && pixels < PHONE_WIDTH;
        if (phone == narrow) {
            return;
        }
        narrow = phone;
        folded.forEach(f -> f.column().setVisible(!phone));
        grid.getDataProvider().refreshAll();
    }

    /** Whether the grid is folded for a phone now. */
    public boolean narrow() {
        return narrow;
    }
}
