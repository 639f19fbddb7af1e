package app.homeward.reminder;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * A real SMTP server small enough to misbehave on purpose: it speaks enough SMTP for Jakarta Mail
 * (220 banner, EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and answers RCPT and the end of DATA
 * with codes the test chooses, per recipient — 451 (try later), 550 (no such user), 554 (rejected).
 * It remembers every RCPT it was asked about and every message it accepted.
 */
final class SmtpResponder implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread acceptor;
    private volatile ToIntFunction<String> rcptReply = recipient -> 250;
    private volatile ToIntFunction<String> dataReply = recipient -> 250;
    /** Every RCPT TO address, in order, whatever the reply. */
    final List<String> recipientsAsked = new CopyOnWriteArrayList<>();
    /** Messages accepted with 250 after DATA. */
    final List<MimeMessage> accepted = new CopyOnWriteArrayList<>();

    SmtpResponder(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        acceptor = Thread.ofPlatform().daemon().name("smtp-responder").start(this::acceptLoop);
    }

    /** The reply to RCPT TO for each recipient (250 accepts). */
    SmtpResponder onRcpt(ToIntFunction<String> reply) {
        this.rcptReply = reply;
        return this;
    }

    /** The reply after the message data (250 accepts), by the (last) accepted recipient. */
    SmtpResponder onData(ToIntFunction<String> reply) {
        this.dataReply = reply;
        return this;
    }

    long askedFor(String recipient) {
        return recipientsAsked.stream().filter(recipient::equalsIgnoreCase).count();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> converse(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void converse(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 responder.test ESMTP ready");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-responder.test\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO" -> reply(out, "250 responder.test");
                    case "MAIL" -> {
                        recipient = null;
                        reply(out, "250 2.1.0 OK");
                    }
                    case "RCPT" -> {
                        String address = line.substring(line.indexOf(':') + 1).trim().replaceAll("^<|>.*$", "");
                        recipientsAsked.add(address);
                        int code = rcptReply.applyAsInt(address);
                        if (code == 250) {
                            recipient = address;
                            reply(out, "250 2.1.5 OK");
                        } else {
                            reply(out, code + (code >= 500 ? " 5.1.1 No such user here" : " 4.2.1 Mailbox busy, try later"));
                        }
                    }
                    case "DATA" -> {
                        if (recipient == null) {
                            reply(out, "503 5.5.1 No valid recipients");
                            continue;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        ByteArrayOutputStream data = new ByteArrayOutputStream();
                        String dataLine;
                        while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                            data.write((dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).getBytes(StandardCharsets.ISO_8859_1));
                            data.write('\r');
                            data.write('\n');
                        }
                        int code = dataReply.applyAsInt(recipient);
                        if (code == 250) {
                            accepted.add(new MimeMessage(Session.getInstance(new Properties()),
                                    new ByteArrayInputStream(data.toByteArray())));
                            reply(out, "250 2.0.0 Queued");
                        } else {
                            reply(out, code + (code >= 500 ? " 5.7.1 Message rejected" : " 4.3.0 Try again later"));
                        }
                        recipient = null;
                    }
                    case "RSET" -> {
                        recipient = null;
                        reply(out, "250 2.0.0 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        // let the client close first: the closing side keeps the port in TIME_WAIT, and
                        // the next test's GreenMail must be able to bind this port again at once
                        socket.setSoTimeout(5_000);
                        while (in.read() >= 0) {
                            // until the client has closed
                        }
                        return;
                    }
                    default -> reply(out, "250 2.0.0 OK"); // NOOP and anything else
                }
            }
        } catch (Exception e) {
            // the client went away; the next connection starts afresh
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Stops listening, and returns only when the port is really free: a socket closed while another
     * thread is blocked accepting on it is released when that thread wakes up, and on a busy machine
     * the next test's GreenMail could otherwise find the port still taken.
     */
    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.shutdownNow();
    }
}
