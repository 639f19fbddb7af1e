package app.homeward;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading what GreenMail received. Mail is sent asynchronously after commit, and a late mail of an
 * earlier test may still arrive, so tests look only at mail to their own (random) addresses.
 */
public final class Mails {

    private Mails() {
    }

    /** Waits up to 10 s until at least {@code count} mails to the address arrived; returns all of them. */
    public static List<MimeMessage> awaitTo(GreenMailOperations greenMail, String address, int count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<MimeMessage> found = to(greenMail, address);
        while (found.size() < count && System.nanoTime() - deadline < 0) {
            greenMail.waitForIncomingEmail(250, greenMail.getReceivedMessages().length + 1);
            found = to(greenMail, address);
        }
        return found;
    }

    /** Mails received so far whose recipients include the address. */
    public static List<MimeMessage> to(GreenMailOperations greenMail, String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> addressedTo(m, address)).toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(r -> r instanceof InternetAddress ia && address.equalsIgnoreCase(ia.getAddress()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text/plain part. */
    public static String text(MimeMessage message) {
        return part(message, "text/plain").map(Mails::content).orElseThrow(() -> new AssertionError("no text/plain part"));
    }

    /** The decoded text/html part. */
    public static String html(MimeMessage message) {
        return part(message, "text/html").map(Mails::content).orElseThrow(() -> new AssertionError("no text/html part"));
    }

    /**
     * Subject, text and HTML in lower case with the test's own random names taken out, for checking that a mail
     * says nothing clinical: a random slug like "t-xaphqzzy" must not read as "PHQ" and fail the test by chance.
     */
    public static String everythingBut(MimeMessage message, String... randomNames) {
        String everything = (subject(message) + "\n" + text(message) + "\n" + html(message)).toLowerCase(Locale.ROOT);
        for (String name : randomNames) {
            everything = everything.replace(name.toLowerCase(Locale.ROOT), "");
        }
        return everything;
    }

    /** The first part (depth first) of the MIME type, e.g. "multipart/alternative". */
    public static Optional<Part> part(Part root, String mimeType) {
        try {
            if (root.isMimeType(mimeType)) {
                return Optional.of(root);
            }
            if (root.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) root.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    Optional<Part> found = part(multipart.getBodyPart(i), mimeType);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String content(Part part) {
        try {
            return part.getContent().toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The token of the first link {@code http://localhost:8080/c/{slug}/{kind}/{token}} in the text,
     * or an AssertionError when there is none.
     */
    public static String token(String text, String slug, String kind) {
        Matcher m = Pattern.compile(Pattern.quote("http://localhost:8080/c/" + slug + "/" + kind + "/")
                + "([A-Za-z0-9_-]+)").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no /c/" + slug + "/" + kind + "/{token} link in:\n" + text);
        }
        return m.group(1);
    }
}
