package app.homeward.worksheet.ui;

import app.homeward.base.Messages;
import app.homeward.base.ui.ButtonNames;
import app.homeward.base.DomainException;
import app.homeward.base.ui.Forms;
import app.homeward.security.Role;
import app.homeward.worksheet.LibraryEntry;
import app.homeward.worksheet.LibraryQuery;
import app.homeward.worksheet.LibraryQuery.Source;
import app.homeward.worksheet.Pack;
import app.homeward.worksheet.WorksheetCategory;
import app.homeward.worksheet.WorksheetService;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * /app/worksheets: the library a therapist starts from. Built-ins, the clinic's shared worksheets
 * and their own, searchable and filterable; each can be previewed as the client sees it.
 */
@Route("app/worksheets")
@Menu(title = "nav.worksheets", order = 20, icon = "FILE_TEXT_O")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class WorksheetLibraryView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    final TextField search = new TextField();
    final Select<WorksheetCategory> category = new Select<>();
    final ComboBox<String> tag = new ComboBox<>();
    final Select<Integer> difficulty = new Select<>();
    final Select<Source> source = new Select<>();
    /** A language code, or null for all languages. */
    final Select<String> language = new Select<>();
    final Checkbox archived = new Checkbox();
    final Select<Pack> pack = new Select<>();
    private final Paragraph packNote = new Paragraph();
    final Div results = new Div();
    final Paragraph count = new Paragraph();
    final Button create = new Button();
    private final WorksheetService worksheets;

    public WorksheetLibraryView(WorksheetService worksheets) {
        this.worksheets = worksheets;
        addClassName("page");
        addClassName("library-page");

        create.setText(getTranslation("library.new"));
        create.setId("new-worksheet");
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> openCreateDialog());
        Button importButton = new Button(getTranslation("library.import"), VaadinIcon.UPLOAD.create(),
                e -> openImportDialog());
        HorizontalLayout header = new HorizontalLayout(new H1(getTranslation("library.title")), create, importButton);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        header.addClassName("page-header");

        search.setLabel(getTranslation("library.search"));
        search.setPlaceholder(getTranslation("library.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("library-search");
        category.setLabel(getTranslation("library.category"));
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("library.any"));
        category.setItems(WorksheetCategory.values());
        category.setItemLabelGenerator(c -> c == null ? getTranslation("library.any") : getTranslation(c.messageKey()));
        tag.setLabel(getTranslation("library.tag"));
        tag.setClearButtonVisible(true);
        tag.setPlaceholder(getTranslation("library.any"));
        difficulty.setLabel(getTranslation("library.difficulty"));
        difficulty.setEmptySelectionAllowed(true);
        difficulty.setEmptySelectionCaption(getTranslation("library.any"));
        difficulty.setItems(1, 2, 3);
        difficulty.setItemLabelGenerator(d -> d == null ? getTranslation("library.any") : getTranslation("worksheet.difficulty." + d));
        source.setLabel(getTranslation("library.source"));
        source.setEmptySelectionAllowed(true);
        source.setEmptySelectionCaption(getTranslation("library.any"));
        source.setItems(Source.values());
        source.setItemLabelGenerator(s -> s == null ? getTranslation("library.any") : getTranslation("library.source." + s.name().toLowerCase()));
        language.setLabel(getTranslation("library.language"));
        language.setId("library-language");
        language.setEmptySelectionAllowed(true);
        language.setEmptySelectionCaption(getTranslation("library.language.all"));
        language.setItems(Messages.SUPPORTED.stream().map(Locale::getLanguage).toList());
        language.setItemLabelGenerator(l -> l == null ? getTranslation("library.language.all") : getTranslation("language." + l));
        // the built-ins ship in every supported language: start with the one the viewer reads
        String uiLanguage = getLocale() == null ? null : getLocale().getLanguage();
        language.setValue(Messages.SUPPORTED.stream().map(Locale::getLanguage).filter(l -> l.equals(uiLanguage))
                .findFirst().orElse(null));
        archived.setLabel(getTranslation("library.archived"));
        pack.setLabel(getTranslation("library.pack"));
        pack.setId("library-pack");
        pack.setEmptySelectionAllowed(true);
        pack.setEmptySelectionCaption(getTranslation("library.any"));
        pack.setItems(worksheets.packs());
        pack.setItemLabelGenerator(p -> p == null ? getTranslation("library.any") : getTranslation(p.titleKey()));
        pack.addValueChangeListener(e -> refresh());
        packNote.addClassName("pack-note");
        search.addValueChangeListener(e -> refresh());
        category.addValueChangeListener(e -> refresh());
        tag.addValueChangeListener(e -> refresh());
        difficulty.addValueChangeListener(e -> refresh());
        source.addValueChangeListener(e -> refresh());
        language.addValueChangeListener(e -> refresh());
        archived.addValueChangeListener(e -> refresh());
        Div filters = new Div(search, pack, language, category, tag, difficulty, source, archived);
        filters.addClassName("library-filters");

        count.addClassName("library-count");
        count.getElement().setAttribute("aria-live", "polite");
        results.addClassName("library-results");
        add(header, new Paragraph(getTranslation("library.intro")), filters, packNote, count, results);
        tag.setItems(worksheets.tags());
    }

    /** Vaadin reuses this view when the menu link is clicked on it: show what changed meanwhile. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    private void refresh() {
        List<LibraryEntry> entries = worksheets.library(new LibraryQuery(search.getValue(), category.getValue(),
                tag.getValue(), difficulty.getValue(), source.getValue(), archived.getValue()));
        String chosenLanguage = language.getValue();
        if (chosenLanguage != null) {
            entries = entries.stream().filter(e -> chosenLanguage.equals(e.language())).toList();
        }
        var chosenPack = pack.getValue();
        packNote.setVisible(chosenPack != null);
        if (chosenPack != null) {
            // a pack is a curated list of built-ins, shown in the pack's own order
            packNote.setText(getTranslation(chosenPack.descriptionKey()));
            // a pack names the originals; their translations (slug "<original>-<language>") belong to it too
            entries = entries.stream().filter(e -> e.builtIn() && packIndex(chosenPack, e) >= 0)
                    .sorted(Comparator.comparingInt(e -> packIndex(chosenPack, e))).toList();
        }
        results.removeAll();
        count.setText(getTranslation("library.count", entries.size()));
        if (entries.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("library.empty"));
            empty.addClassName("empty-state");
            results.add(empty);
            return;
        }
        entries.forEach(entry -> results.add(card(entry)));
    }

    private static int packIndex(Pack pack, LibraryEntry entry) {
        String suffix = "-" + entry.language();
        String original = entry.id().endsWith(suffix) && !pack.worksheets().contains(entry.id())
                ? entry.id().substring(0, entry.id().length() - suffix.length()) : entry.id();
        return pack.worksheets().indexOf(original);
    }

    private Div card(LibraryEntry entry) {
        Div card = new Div();
        card.addClassName("library-card");
        RouterLink title = new RouterLink(entry.title().isBlank() ? getTranslation("worksheet.untitled") : entry.title(),
                WorksheetView.class, new RouteParameters("id", entry.id()));
        H2 heading = new H2(title);
        Div badges = new Div(Badges.badge(getTranslation("library.source." + entry.source().name().toLowerCase()),
                entry.builtIn() ? "builtin" : null));
        // every card says its language, so an English and a Spanish thought record are told apart at a glance
        boolean known = Messages.SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(entry.language()));
        Span languageBadge = Badges.badge(known ? getTranslation("language." + entry.language())
                : entry.language().toUpperCase(Locale.ROOT), "language");
        languageBadge.getElement().setAttribute("lang", entry.language());
        badges.add(languageBadge);
        if (!entry.builtIn()) {
            if (entry.hasDraft()) {
                badges.add(Badges.badge(getTranslation("worksheet.state.draft"), "draft"));
            }
            if (entry.sharing() != null && entry.published()) {
                badges.add(Badges.badge(getTranslation("worksheet.sharing." + entry.sharing().name().toLowerCase()), null));
            }
            if (entry.archived()) {
                badges.add(Badges.badge(getTranslation("worksheet.archived"), "archived"));
            }
        }
        badges.addClassName("badges");
        Paragraph description = new Paragraph(entry.description());
        Span meta = new Span(getTranslation("library.meta", entry.minutes(),
                getTranslation("worksheet.difficulty." + entry.difficulty()), getTranslation(entry.category().messageKey())));
        meta.addClassName("library-meta");
        Button preview = new Button(getTranslation("library.preview"), VaadinIcon.EYE.create(), e -> openPreview(entry));
        preview.addThemeVariants(ButtonVariant.SMALL);
        ButtonNames.of(preview, entry.title());
        HorizontalLayout actions = new HorizontalLayout(preview);
        if (entry.builtIn()) {
            Button copy = new Button(getTranslation("worksheet.copy-to-clinic"), VaadinIcon.COPY.create(), e -> {
                UUID copyId = worksheets.copyBuiltIn(entry.id());
                Forms.notifySuccess(getTranslation("worksheet.copied", entry.title()));
                UI.getCurrent().navigate(WorksheetEditorView.class, new RouteParameters("id", copyId.toString()));
            });
            copy.addThemeVariants(ButtonVariant.SMALL);
            ButtonNames.of(copy, entry.title());
            actions.add(copy);
        } else if (!entry.archived()) {
            Button edit = new Button(getTranslation("worksheet.edit"), VaadinIcon.EDIT.create(), e ->
                    UI.getCurrent().navigate(WorksheetEditorView.class, new RouteParameters("id", entry.id())));
            edit.addThemeVariants(ButtonVariant.SMALL);
            ButtonNames.of(edit, entry.title());
            actions.add(edit);
        }
        card.add(heading, badges, description, meta, actions);
        return card;
    }

    private void openPreview(LibraryEntry entry) {
        var detail = entry.builtIn() ? worksheets.builtIn(entry.id(), null)
                : worksheets.template(UUID.fromString(entry.id()), null);
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("library.preview.title"));
        dialog.addClassName("preview-dialog");
        dialog.add(new WorksheetPreview(detail.document(), true));
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.open();
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("library.new"));
        TextField title = new TextField(getTranslation("worksheet.field.title"));
        title.setId("new-worksheet-title");
        title.setMaxLength(120);
        title.setWidthFull();
        title.setRequiredIndicatorVisible(true);
        Button start = new Button(getTranslation("library.new.start"), e -> {
            try {
                UUID id = worksheets.create(title.getValue());
                dialog.close();
                UI.getCurrent().navigate(WorksheetEditorView.class, new RouteParameters("id", id.toString()));
            } catch (DomainException problem) {
                title.setErrorMessage(getTranslation(problem.messageKey(), problem.arguments()));
                title.setInvalid(true);
            }
        });
        start.setId("new-worksheet-start");
        start.addThemeVariants(ButtonVariant.PRIMARY);
        title.addKeyPressListener(Key.ENTER, e -> start.click());
        dialog.add(new Paragraph(getTranslation("library.new.intro")), title);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), start);
        dialog.open();
        title.focus();
    }

    private void openImportDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("library.import"));
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = UI.getCurrent();
            try {
                UUID id = worksheets.importDocument(new String(bytes, StandardCharsets.UTF_8));
                ui.access(() -> {
                    dialog.close();
                    Forms.notifySuccess(getTranslation("library.imported"));
                    ui.navigate(WorksheetEditorView.class, new RouteParameters("id", id.toString()));
                });
            } catch (DomainException problem) {
                ui.access(() -> Forms.notifyError(getTranslation(problem.messageKey(), problem.arguments())));
            }
        }));
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize(2_000_000);
        upload.setMaxFiles(1);
        upload.addFileRejectedListener(e -> Forms.notifyError(getTranslation("library.import.rejected")));
        dialog.add(new Paragraph(getTranslation("library.import.intro")), upload);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.title") + " · Homeward";
    }
}
