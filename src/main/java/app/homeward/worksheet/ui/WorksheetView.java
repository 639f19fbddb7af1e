package app.homeward.worksheet.ui;

import app.homeward.base.Dates;
import app.homeward.base.DomainException;
import app.homeward.base.ui.Forms;
import app.homeward.security.Role;
import app.homeward.tenancy.ClinicDirectory;
import app.homeward.worksheet.Sharing;
import app.homeward.worksheet.VersionDiff;
import app.homeward.worksheet.VersionState;
import app.homeward.worksheet.WorksheetDetail;
import app.homeward.worksheet.WorksheetDocument;
import app.homeward.worksheet.WorksheetPdf;
import app.homeward.worksheet.WorksheetService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

/**
 * /app/worksheets/{id}: one worksheet (a built-in's slug or a clinic template's id), at the version
 * in {@code ?v=}. Shows it as the client will see it, its versions and what changed, and what the
 * signed-in person may do with it.
 */
@Route("app/worksheets/:id")
@RolesAllowed({Role.ADMIN, Role.THERAPIST_NAME})
public class WorksheetView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final WorksheetService worksheets;
    private final ClinicDirectory clinics;
    private WorksheetDetail detail;

    public WorksheetView(WorksheetService worksheets, ClinicDirectory clinics) {
        this.worksheets = worksheets;
        this.clinics = clinics;
        addClassName("page");
        addClassName("worksheet-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        Integer number = event.getLocation().getQueryParameters().getSingleParameter("v").map(WorksheetView::number)
                .orElse(null);
        UUID templateId = uuid(id);
        detail = templateId == null ? worksheets.builtIn(id, number) : worksheets.template(templateId, number);
        render();
    }

    private void render() {
        removeAll();
        WorksheetDocument document = detail.document();
        RouterLink back = new RouterLink(getTranslation("worksheet.back"), WorksheetLibraryView.class);
        back.addClassName("back-link");
        H1 title = new H1(document.title().isBlank() ? getTranslation("worksheet.untitled") : document.title());
        Div badges = new Div(Badges.badge(getTranslation("library.source." + detail.source().name().toLowerCase(Locale.ROOT)),
                detail.builtIn() ? "builtin" : null),
                Badges.badge(getTranslation("worksheet.version", detail.number()), null),
                Badges.badge(getTranslation("worksheet.state." + detail.state().name().toLowerCase(Locale.ROOT)),
                        detail.state() == VersionState.DRAFT ? "draft" : null));
        if (detail.sharing() != null) {
            badges.add(Badges.badge(getTranslation("worksheet.sharing." + detail.sharing().name().toLowerCase(Locale.ROOT)), null));
        }
        if (detail.archived()) {
            badges.add(Badges.badge(getTranslation("worksheet.archived"), "archived"));
        }
        badges.addClassName("badges");
        add(back, title, badges);
        if (!document.description().isBlank()) {
            add(new Paragraph(document.description()));
        }
        Span meta = new Span(getTranslation("library.meta", document.minutes(),
                getTranslation("worksheet.difficulty." + document.difficulty()), getTranslation(document.category().messageKey())));
        meta.addClassName("library-meta");
        add(meta);
        if (!document.tags().isEmpty()) {
            add(new Paragraph(getTranslation("worksheet.tags", String.join(", ", document.tags()))));
        }
        if (detail.forkedFrom() != null) {
            add(new Paragraph(getTranslation("worksheet.forked-from", detail.forkedFrom(), detail.forkedFromNumber())));
        }
        add(actions());
        add(versions());
        H2 previewTitle = new H2(getTranslation("worksheet.preview.title"));
        add(previewTitle, new WorksheetPreview(document, false));
    }

    private HorizontalLayout actions() {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        actions.addClassName("worksheet-actions");
        if (detail.canEdit()) {
            Button edit = new Button(getTranslation(detail.state() == VersionState.DRAFT ? "worksheet.edit-draft"
                    : "worksheet.edit-new-version"), VaadinIcon.EDIT.create(),
                    e -> UI.getCurrent().navigate(WorksheetEditorView.class, new RouteParameters("id", detail.id())));
            edit.setId("edit-worksheet");
            edit.addThemeVariants(ButtonVariant.PRIMARY);
            actions.add(edit);
        }
        if (detail.builtIn()) {
            Button copy = new Button(getTranslation("worksheet.copy-to-clinic"), VaadinIcon.COPY.create(), e -> {
                UUID copy1 = worksheets.copyBuiltIn(detail.id());
                Forms.notifySuccess(getTranslation("worksheet.copied", detail.document().title()));
                UI.getCurrent().navigate(WorksheetEditorView.class, new RouteParameters("id", copy1.toString()));
            });
            copy.setId("copy-worksheet");
            copy.addThemeVariants(ButtonVariant.PRIMARY);
            actions.add(copy);
        } else {
            Button duplicate = new Button(getTranslation("worksheet.duplicate"), VaadinIcon.COPY_O.create(), e -> {
                UUID copy1 = worksheets.duplicate(UUID.fromString(detail.id()), detail.number());
                Forms.notifySuccess(getTranslation("worksheet.duplicated"));
                UI.getCurrent().navigate(WorksheetEditorView.class, new RouteParameters("id", copy1.toString()));
            });
            actions.add(duplicate);
        }
        if (detail.owner() && !detail.archived() && detail.versions().stream().anyMatch(v -> v.state() == VersionState.PUBLISHED)) {
            boolean shared = detail.sharing() == Sharing.CLINIC;
            Button share = new Button(getTranslation(shared ? "worksheet.make-private" : "worksheet.share"),
                    VaadinIcon.USERS.create(), e -> run(() -> worksheets.share(UUID.fromString(detail.id()),
                    shared ? Sharing.PRIVATE : Sharing.CLINIC), shared ? "worksheet.made-private" : "worksheet.shared"));
            share.setId("share-worksheet");
            actions.add(share);
        }
        if (detail.canArchive()) {
            if (detail.archived()) {
                actions.add(new Button(getTranslation("worksheet.restore"), VaadinIcon.ARROW_BACKWARD.create(),
                        e -> run(() -> worksheets.restore(UUID.fromString(detail.id())), "worksheet.restored")));
            } else {
                Button archive = new Button(getTranslation("worksheet.archive"), VaadinIcon.ARCHIVE.create(), e -> {
                    ConfirmDialog confirm = new ConfirmDialog(getTranslation("worksheet.archive.confirm.title"),
                            getTranslation("worksheet.archive.confirm.body"), getTranslation("worksheet.archive"),
                            ok -> run(() -> worksheets.archive(UUID.fromString(detail.id())), "worksheet.archived.done"));
                    confirm.setCancelable(true);
                    confirm.setCancelText(getTranslation("action.cancel"));
                    confirm.open();
                });
                archive.setId("archive-worksheet");
                archive.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
                actions.add(archive);
            }
        }
        String fileName = fileName(detail.document().title());
        WorksheetDocument document = detail.document();
        Map<String, String> labels = new HashMap<>();
        WorksheetPdf.LABEL_KEYS.forEach(key -> labels.put(key, getTranslation(key)));
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = WorksheetPdf.blank(document, labels);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName + ".pdf", "application/pdf", bytes.length);
        }), "");
        pdf.add(VaadinIcon.PRINT.create(), new Span(getTranslation("worksheet.pdf")));
        pdf.addClassName("download-link");
        pdf.setId("worksheet-pdf");
        String json = worksheets.export(detail.id(), detail.number());
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName + ".json", "application/json", bytes.length);
        }), "");
        export.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("worksheet.export")));
        export.addClassName("download-link");
        actions.add(pdf, export);
        return actions;
    }

    private Div versions() {
        Div box = new Div(new H2(getTranslation("worksheet.versions")));
        box.addClassName("worksheet-versions");
        ZoneId zone = clinics.currentTimeZone();
        UnorderedList list = new UnorderedList();
        for (WorksheetDetail.VersionSummary version : detail.versions()) {
            String text = getTranslation("worksheet.version", version.number()) + " · "
                    + getTranslation("worksheet.state." + version.state().name().toLowerCase(Locale.ROOT))
                    + (version.publishedAt() != null ? " · " + Dates.date(version.publishedAt(), zone, getLocale())
                    : version.editedAt() != null ? " · " + Dates.date(version.editedAt(), zone, getLocale()) : "");
            if (version.number() == detail.number()) {
                Span current = new Span(text);
                current.addClassName("current-version");
                current.getElement().setAttribute("aria-current", "true");
                list.add(new ListItem(current));
            } else {
                RouterLink link = new RouterLink(text, WorksheetView.class, new RouteParameters("id", detail.id()));
                link.setQueryParameters(QueryParameters.of("v", String.valueOf(version.number())));
                list.add(new ListItem(link));
            }
        }
        box.add(list);
        if (detail.number() > 1) {
            List<VersionDiff.Change> changes = worksheets.compare(detail.id(), detail.number() - 1, detail.number());
            box.add(new Paragraph(getTranslation("worksheet.changes", detail.number() - 1, detail.number())));
            UnorderedList changeList = new UnorderedList();
            changeList.setId("version-changes");
            if (changes.isEmpty()) {
                changeList.add(new ListItem(getTranslation("worksheet.diff.none")));
            }
            changes.forEach(c -> changeList.add(new ListItem(getTranslation(c.messageKey(), c.subject()))));
            box.add(changeList);
        }
        return box;
    }

    private void run(Runnable action, String successKey) {
        try {
            action.run();
            Forms.notifySuccess(getTranslation(successKey));
            detail = uuid(detail.id()) == null ? worksheets.builtIn(detail.id(), null)
                    : worksheets.template(UUID.fromString(detail.id()), detail.number());
            render();
        } catch (DomainException problem) {
            Forms.notifyError(getTranslation(problem.messageKey(), problem.arguments()));
        }
    }

    static String fileName(String title) {
        String name = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return name.isEmpty() ? "worksheet" : name.length() > 60 ? name.substring(0, 60) : name;
    }

    private static Integer number(String value) {
        try {
            int n = Integer.parseInt(value);
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return (detail == null ? getTranslation("library.title") : detail.document().title()) + " · Homeward";
    }
}
