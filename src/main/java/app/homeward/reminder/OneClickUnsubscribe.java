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
 * needed, and it only ever turns reminders off). A person who opens it in a browser (GET) is sent to
 * the page with the same effect and an undo button.
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
        if (clinicId == null || !token.matches("[A-Za-z0-9_-]{1,64}")) {
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
