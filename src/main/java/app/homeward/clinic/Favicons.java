package app.homeward.clinic;

import app.homeward.tenancy.ClinicBranding;
import app.homeward.tenancy.ClinicDirectory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The tab icon (issue 14): {@code /favicon.ico} is Homeward's own (browsers ask for it on every page), and
 * {@code /icons/clinic/{slug}} is the clinic's logo where it has one, else Homeward's. Pages under a clinic
 * point their icon link at the latter ({@code ClinicBrand.apply}). The logo is already public on the
 * clinic's page, so this shows nothing new; a clinic that is not active gets the default icon, the same
 * answer as an unknown address.
 */
@RestController
class Favicons {

    static final String DEFAULT = "META-INF/resources/images/favicon.png";
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final ClinicDirectory clinics;
    private final byte[] homeward;

    Favicons(ClinicDirectory clinics) {
        this.clinics = clinics;
        try (InputStream in = new ClassPathResource(DEFAULT).getInputStream()) {
            this.homeward = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the default favicon is missing from the jar", e);
        }
    }

    @GetMapping("/favicon.ico")
    ResponseEntity<byte[]> homeward() {
        return ResponseEntity.ok().cacheControl(CACHE).contentType(MediaType.IMAGE_PNG).body(homeward);
    }

    @GetMapping("/icons/clinic/{slug}")
    ResponseEntity<byte[]> clinic(@PathVariable String slug) {
        return clinics.findActiveBySlug(slug).filter(ClinicBranding::hasLogo)
                .flatMap(c -> clinics.logo(c.id()))
                .map(logo -> ResponseEntity.ok().cacheControl(CACHE)
                        .contentType(MediaType.parseMediaType(logo.contentType())).body(logo.bytes()))
                .orElseGet(this::homeward);
    }
}
