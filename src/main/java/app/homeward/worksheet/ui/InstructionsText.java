package app.homeward.worksheet.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns instruction text into paragraphs and lists: a blank line starts a new paragraph, lines
 * starting with "- " are list items. Everything is set as text, never as HTML, so markup that a
 * template author typed shows as the characters they typed.
 */
final class InstructionsText {

    private InstructionsText() {
    }

    static List<Component> render(String text) {
        List<Component> blocks = new ArrayList<>();
        for (String block : text.strip().split("\\R\\s*\\R")) {
            UnorderedList list = null;
            StringBuilder paragraph = new StringBuilder();
            for (String line : block.split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("- ") || trimmed.startsWith("* ")) {
                    if (!paragraph.isEmpty()) {
                        blocks.add(new Paragraph(paragraph.toString()));
                        paragraph.setLength(0);
                    }
                    if (list == null) {
                        list = new UnorderedList();
                        blocks.add(list);
                    }
                    list.add(new ListItem(trimmed.substring(2).strip()));
                } else if (!trimmed.isEmpty()) {
                    list = null;
                    if (!paragraph.isEmpty()) {
                        paragraph.append(' ');
                    }
                    paragraph.append(trimmed);
                }
            }
            if (!paragraph.isEmpty()) {
                blocks.add(new Paragraph(paragraph.toString()));
            }
        }
        return blocks;
    }
}
