import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small SMTP sink for the reminder benchmark: listens on loopback, accepts every message, a
 * thread per connection. For each message it records "arrivalMillis bytes Message-ID" in the log
 * (so losses and duplicates can be counted afterwards) and keeps a status file with the count.
 * It advertises no STARTTLS, no AUTH and no PIPELINING, so a client talks to it the way Homeward's
 * JavaMail client talks to a plain relay: one reply per command.
 *
 * Usage: java Sink.java PORT LOG_FILE STATUS_FILE
 */
public class Sink {

    private static final byte[] GREETING = "220 sink.local ESMTP bench sink\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EHLO = ("250-sink.local\r\n250-8BITMIME\r\n250-SIZE 52428800\r\n250 SMTPUTF8\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "250 2.0.0 OK\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUEUED = "250 2.0.0 OK queued\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GO_AHEAD = "354 End data with <CR><LF>.<CR><LF>\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BYE = "221 2.0.0 Bye\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNKNOWN = "502 5.5.2 Command not implemented\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final AtomicLong COUNT = new AtomicLong();
    private static final AtomicLong CONNECTIONS = new AtomicLong();
    private static BufferedWriter log;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path logFile = Path.of(args[1]);
        Path statusFile = Path.of(args[2]);
        log = Files.newBufferedWriter(logFile, StandardCharsets.US_ASCII);
        Thread status = Thread.ofPlatform().daemon().start(() -> writeStatus(statusFile));
        try (ServerSocket server = new ServerSocket(port, 256, InetAddress.getLoopbackAddress())) {
            System.out.println("sink listening on 127.0.0.1:" + port);
            while (true) {
                Socket socket = server.accept();
                CONNECTIONS.incrementAndGet();
                Thread.ofPlatform().daemon().start(() -> serve(socket));
            }
        } finally {
            status.interrupt();
        }
    }

    private static void writeStatus(Path statusFile) {
        Path tmp = statusFile.resolveSibling(statusFile.getFileName() + ".tmp");
        while (true) {
            try {
                synchronized (Sink.class) {
                    log.flush();
                }
                Files.writeString(tmp, "messages=" + COUNT.get() + " connections=" + CONNECTIONS.get() + "\n");
                Files.move(tmp, statusFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                System.err.println("sink status: " + e);
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream();
             OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192)) {
            socket.setTcpNoDelay(true);
            out.write(GREETING);
            out.flush();
            Lines line = new Lines(in);
            while (line.next()) {
                String command = line.command();
                switch (command) {
                    case "EHLO" -> out.write(EHLO);
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> out.write(OK);
                    case "DATA" -> {
                        out.write(GO_AHEAD);
                        out.flush();
                        if (!receive(line)) {
                            return;
                        }
                        out.write(QUEUED);
                    }
                    case "QUIT" -> {
                        out.write(BYE);
                        out.flush();
                        return;
                    }
                    default -> out.write(UNKNOWN);
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client went away: nothing to do
        }
    }

    /** Reads the message up to the lone dot; records its Message-ID and size. False if the connection ended. */
    private static boolean receive(Lines line) throws IOException {
        boolean headers = true;
        String messageId = null;
        boolean idContinues = false;
        long bytes = 0;
        while (true) {
            if (!line.next()) {
                return false;
            }
            int n = line.length;
            byte[] b = line.bytes;
            int len = n;
            while (len > 0 && (b[len - 1] == '\n' || b[len - 1] == '\r')) {
                len--;
            }
            if (len == 1 && b[0] == '.') {
                break;
            }
            bytes += n;
            if (headers) {
                if (len == 0) {
                    headers = false;
                } else if (idContinues && (b[0] == ' ' || b[0] == '\t')) {
                    messageId = messageId + new String(b, 0, len, StandardCharsets.US_ASCII).trim();
                } else {
                    idContinues = false;
                    if (len > 11 && new String(b, 0, 11, StandardCharsets.US_ASCII).equalsIgnoreCase("Message-ID:")) {
                        messageId = new String(b, 11, len - 11, StandardCharsets.US_ASCII).trim();
                        idContinues = true;
                    }
                }
            }
        }
        long now = System.currentTimeMillis();
        COUNT.incrementAndGet();
        String record = now + " " + bytes + " " + (messageId == null || messageId.isEmpty() ? "-" : messageId) + "\n";
        synchronized (Sink.class) {
            log.write(record);
        }
        return true;
    }

    /** Reads CRLF-terminated lines from a socket into one reusable array (lines longer than it are cut, not needed here). */
    private static final class Lines {
        private final InputStream in;
        private final byte[] buffer = new byte[65536];
        private int position;
        private int limit;
        final byte[] bytes = new byte[8192];
        int length;

        Lines(InputStream in) {
            this.in = in;
        }

        /** The next line, its CRLF included, in bytes[0..length); false at end of stream. */
        boolean next() throws IOException {
            length = 0;
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return length > 0;
                    }
                }
                byte c = buffer[position++];
                if (length < bytes.length) {
                    bytes[length++] = c;
                }
                if (c == '\n') {
                    return true;
                }
            }
        }

        String command() {
            int n = Math.min(4, length);
            StringBuilder s = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                s.append(Character.toUpperCase((char) bytes[i]));
            }
            return s.toString();
        }
    }
}
