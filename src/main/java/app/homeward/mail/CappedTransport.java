package app.homeward.mail;

import app.homeward.base.SharedBuckets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;
import java.util.List;

/**
 * SMTP sending at most {@code HOMEWARD_MAIL_MAX_PER_SECOND} emails per second from all instances together:
 * hosted relays cap a sender (often 10–50 a second) and refuse or defer the rest. The cap is one token
 * bucket in the database ({@link SharedBuckets}, the same Bucket4j mechanism as the shared sign-in limits):
 * one second's worth of burst, refilled steadily.
 * <p>
 * Fair between clinics: each clinic's reminders go out from that clinic's own scheduler task, and a batch
 * waits for its tokens in pieces of at most one second's worth. Bucket4j reserves tokens in the order they
 * are asked for, so a clinic with 50,000 reminders queued takes one piece, then the clinic with 20 takes
 * its turn: the small clinic waits at most for the pieces already reserved, one round, never for the big
 * clinic's whole backlog. Waiting happens before the SMTP connection opens, so no connection idles.
 */
class CappedTransport implements MailTransport {

    static final String BUCKET = "mail:sending";

    private final MailTransport smtp;
    private final Bucket bucket;
    private final int perSecond;

    CappedTransport(MailTransport smtp, SharedBuckets shared, int perSecond) {
        this(smtp, shared, perSecond, BUCKET);
    }

    /** With its own bucket row, for tests that must not share the application's. */
    CappedTransport(MailTransport smtp, SharedBuckets shared, int perSecond, String bucketKey) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("a cap of at least one email per second");
        }
        this.smtp = smtp;
        this.perSecond = perSecond;
        BucketConfiguration rate = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build();
        this.bucket = shared.buckets().builder().build(bucketKey, () -> rate);
    }

    @Override
    public void deliver(MailMessage message) throws Exception {
        await(1);
        smtp.deliver(message);
    }

    @Override
    public List<Delivery> deliverBatch(List<OutgoingMail> batch) {
        try {
            await(batch.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // nothing was sent: each reminder is tried again later, as after any temporary failure
            return batch.stream().map(m -> Delivery.temporary("interrupted")).toList();
        }
        return smtp.deliverBatch(batch);
    }

    /** Waits until {@code messages} may go, a second's worth at a time so that other senders take turns. */
    private void await(int messages) throws InterruptedException {
        for (int left = messages; left > 0; ) {
            int piece = Math.min(left, perSecond);
            bucket.asBlocking().consume(piece);
            left -= piece;
        }
    }
}
