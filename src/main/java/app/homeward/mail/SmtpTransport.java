package app.homeward.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sends multipart text + HTML mail over SMTP; a batch goes over one connection.
 *
 * <p>Two costs of the mail libraries are avoided here, found by the reminder benchmark
 * (bench/reminder-throughput; they took about two thirds of the CPU of sending a reminder):
 * Jakarta Mail 2.1 looks its {@code StreamProvider} up through {@code ServiceLoader} for every body
 * part, multipart and encoded word (jakartaee/mail-api issues 699 and 861), which in the packaged
 * jar means scanning the nested jars each time: naming the implementation in the system property
 * that the lookup reads first makes it a plain class lookup. And Spring's {@code MimeMessageHelper}
 * builds a new file-type map, reading every {@code mime.types} on the class path, for each message
 * that is not its own kind of {@code MimeMessage}: we attach no files, so messages are built here
 * without the helper (see {@link #fill}).
 */
class SmtpTransport implements MailTransport {

    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    static {
        // only when Angus is there and nobody chose otherwise; the lookup then uses the thread's
        // context class loader, which deliver/deliverBatch set to the one that loaded this class
        if (System.getProperty(STREAM_PROVIDER) == null && angusAvailable()) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    private final JavaMailSender sender;
    private final String from;

    SmtpTransport(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void deliver(MailMessage message) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SmtpTransport.class.getClassLoader());
        try {
            MimeMessage mime = sender.createMimeMessage();
            fill(mime, message);
            sender.send(mime);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public List<Delivery> deliverBatch(List<OutgoingMail> batch) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SmtpTransport.class.getClassLoader());
        try {
            return send(batch);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private List<Delivery> send(List<OutgoingMail> batch) {
        List<Delivery> results = new ArrayList<>(batch.size());
        List<MimeMessage> mimes = new ArrayList<>(batch.size());
        Session session = sender instanceof JavaMailSenderImpl impl ? impl.getSession() : null;
        for (OutgoingMail mail : batch) {
            try {
                MimeMessage mime = session == null ? sender.createMimeMessage() : new StableIdMessage(session, mail.messageId());
                fill(mime, mail.message());
                for (Map.Entry<String, String> header : mail.headers().entrySet()) {
                    mime.setHeader(header.getKey(), header.getValue());
                }
                mimes.add(mime);
                results.add(Delivery.SENT);
            } catch (AddressException e) {
                mimes.add(null);
                results.add(Delivery.permanent("invalid-address"));
            } catch (MessagingException e) {
                mimes.add(null);
                results.add(Delivery.permanent("message"));
            }
        }
        List<MimeMessage> toSend = mimes.stream().filter(Objects::nonNull).toList();
        if (toSend.isEmpty()) {
            return results;
        }
        Map<MimeMessage, Delivery> failures = new IdentityHashMap<>();
        try {
            // JavaMailSenderImpl opens one connection and sends every message over it
            sender.send(toSend.toArray(MimeMessage[]::new));
        } catch (MailAuthenticationException e) {
            toSend.forEach(m -> failures.put(m, Delivery.temporary("auth")));
        } catch (MailSendException e) {
            Map<Object, Exception> failed = e.getFailedMessages();
            if (failed.isEmpty()) {
                toSend.forEach(m -> failures.put(m, classify(e)));
            }
            failed.forEach((message, cause) -> failures.put((MimeMessage) message, classify(cause)));
        } catch (RuntimeException e) {
            toSend.forEach(m -> failures.put(m, classify(e)));
        }
        for (int i = 0; i < mimes.size(); i++) {
            MimeMessage mime = mimes.get(i);
            if (mime != null && failures.containsKey(mime)) {
                results.set(i, failures.get(mime));
            }
        }
        return results;
    }

    /**
     * From, to, subject, and the two bodies as one multipart/alternative — built directly rather than
     * with Spring's helper, whose mixed/related/alternative nesting an email without attachments does
     * not need. Both bodies are quoted-printable, said up front: left unsaid, Jakarta Mail reads every
     * body again to choose an encoding (the reminder benchmark saw that scan in its profile).
     */
    private void fill(MimeMessage mime, MailMessage message) throws MessagingException {
        mime.setFrom(from(message));
        mime.setRecipient(Message.RecipientType.TO, single(message.to()));
        mime.setSubject(message.subject(), UTF_8);
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(body(message.text(), "plain"));
        alternative.addBodyPart(body(message.html(), "html"));
        mime.setContent(alternative);
    }

    private static MimeBodyPart body(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, UTF_8, subtype);
        part.setHeader("Content-Transfer-Encoding", "quoted-printable"); // after setText, which clears it
        return part;
    }

    /** The configured From address, with the message's own display name when it has one (discreet sender). */
    private InternetAddress from(MailMessage message) throws AddressException {
        InternetAddress configured = single(from);
        if (message.fromName() == null) {
            return configured;
        }
        try {
            return new InternetAddress(configured.getAddress(), message.fromName(), UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Exactly one address, as Spring's helper parses it ("Name <a@b>" or "a@b"); anything else is invalid. */
    private static InternetAddress single(String address) throws AddressException {
        InternetAddress[] parsed = InternetAddress.parse(address);
        if (parsed.length != 1) {
            throw new AddressException("Illegal address", address);
        }
        return parsed[0];
    }

    /**
     * SMTP replies: 4xx is temporary, 5xx permanent (an address refused with 5xx included); no
     * reply at all (refused connection, timeout, unknown host) is temporary: the server may return.
     */
    static Delivery classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPAddressFailedException address) {
                return byCode(address.getReturnCode());
            }
            if (t instanceof SMTPSendFailedException send) {
                return byCode(send.getReturnCode());
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return Delivery.temporary("connection");
            }
            if (t instanceof SocketTimeoutException) {
                return Delivery.temporary("timeout");
            }
            if (t instanceof SendFailedException sendFailed && sendFailed.getNextException() != null
                    && sendFailed.getNextException() != t) {
                Delivery inner = classify(sendFailed.getNextException());
                if (!"unknown".equals(inner.code())) {
                    return inner;
                }
            }
            if (t instanceof MessagingException messaging && messaging.getNextException() != null
                    && messaging.getNextException() != t && !(t instanceof SendFailedException)) {
                Delivery inner = classify(messaging.getNextException());
                if (!"unknown".equals(inner.code())) {
                    return inner;
                }
            }
        }
        return Delivery.temporary("unknown");
    }

    private static Delivery byCode(int code) {
        String text = "smtp-" + code;
        return code >= 500 ? Delivery.permanent(text) : Delivery.temporary(text);
    }

    private static boolean angusAvailable() {
        try {
            Class.forName(ANGUS_STREAM_PROVIDER, false, SmtpTransport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Keeps the Message-ID we chose: Jakarta Mail would otherwise make a new one on every save. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", messageId);
            }
        }
    }
}
