package app.homeward.reminder;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * RFC 8058 one-click unsubscribe: the address in every reminder's List-Unsubscribe header. Mail
 * providers POST to it without a session (CSRF does not apply: nothing but the secret in the link is
 * needed, and it only ever turns reminders off): one POST, reminders off. A GET changes nothing (link
 * scanners and previews open links): a person who opens it in a browser is sent to the page that asks
 * for one click.
 */
@RestController
class OneClickUnsubscribe {

    private final ReminderService reminders;

    OneClickUnsubscribe(ReminderService reminders) {
        this.reminders = reminders;
    }

    @PostMapping(path = "/unsubscribe/one-click/{clinic}/{token}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> unsubscribe(@PathVariable String clinic, @PathVariable String token) {
        UUID clinicId = parse(clinic);
        if (clinicId != null && reminders.unsubscribe(clinicId, token).isPresent()) {
            return ResponseEntity.ok("Unsubscribed");
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body("Unknown link");
    }

    @GetMapping("/unsubscribe/one-click/{clinic}/{token}")
    ResponseEntity<Void> open(@PathVariable String clinic, @PathVariable String token) {
        UUID clinicId = parse(clinic);
        if (clinicId == null || !UnsubscribeTokens.wellFormed(token)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/unsubscribe/" + clinicId + "/" + token))
                .build();
    }

    private static UUID parse(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
