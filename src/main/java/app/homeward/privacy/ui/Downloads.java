package app.homeward.privacy.ui;

import app.homeward.privacy.PrivacyService;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** A download link whose file the service builds when it is clicked (one service call per download). */
final class Downloads {

    private Downloads() {
    }

    static Anchor link(String id, String text, VaadinIcon icon, Supplier<PrivacyService.Download> file) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            PrivacyService.Download download = file.get();
            return new DownloadResponse(new ByteArrayInputStream(download.bytes()), download.fileName(),
                    download.contentType(), download.bytes().length);
        }), "");
        anchor.add(icon.create(), new Span(text));
        anchor.setId(id);
        anchor.addClassName("download-link");
        return anchor;
    }
}
