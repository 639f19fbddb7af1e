package app.homeward.homework.portal;

import app.homeward.base.Messages;
import app.homeward.base.NotFoundException;
import app.homeward.client.ClientProfile;
import app.homeward.homework.Occurrence;
import app.homeward.homework.OccurrenceRepository;
import app.homeward.safety.ClinicSafety;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * What the portal's services share about the signed-in client: one of their own occurrences (anyone else's is
 * "not found") and the clinic's crisis text in their language. Only those services call it, for a client they
 * have already checked.
 */
@Component
class MyHomework {

    private final OccurrenceRepository occurrences;
    private final ClinicSafety safety;

    MyHomework(OccurrenceRepository occurrences, ClinicSafety safety) {
        this.occurrences = occurrences;
        this.safety = safety;
    }

    Occurrence mine(UUID occurrenceId, ClientProfile me) {
        return occurrences.findById(occurrenceId).filter(o -> o.getClientId().equals(me.id()))
                .orElseThrow(NotFoundException::new);
    }

    /** The clinic's crisis text in the client's language, or null for the portal's neutral default. */
    String crisisText(ClientProfile me) {
        return safety.crisisText(Messages.forLanguageTag(me.language())).orElse(null);
    }
}
