package app.homeward.privacy;

import app.homeward.base.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * The download link of a clinic export, {@code /exports/clinic/{token}}: a signed-in clinic admin's own
 * export, nobody else's (see {@link ClinicExports#download}). Never cached; a wrong, expired or foreign link
 * answers 404 with a short text.
 */
@RestController
class ExportDownload {

    private final ClinicExports exports;

    ExportDownload(ClinicExports exports) {
        this.exports = exports;
    }

    @GetMapping("/exports/clinic/{token}")
    ResponseEntity<byte[]> download(@PathVariable String token) {
        try {
            ClinicExports.File file = exports.download(token);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(file.fileName()).build().toString())
                    .cacheControl(CacheControl.noStore())
                    .body(file.bytes());
        } catch (NotFoundException | AccessDeniedException notYours) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .cacheControl(CacheControl.noStore())
                    .body("This download link is not valid, or it has expired.".getBytes(StandardCharsets.UTF_8));
        }
    }
}
