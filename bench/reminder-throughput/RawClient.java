import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain SMTP client that measures how fast the sink accepts mail when nothing else costs time:
 * no database, no rendering, no MIME building. It talks the way Homeward's JavaMail transport does:
 * CONNECTIONS connections at once (Homeward runs one clinic batch per scheduler thread, each on its
 * own connection), EHLO once per connection, then per message MAIL FROM, RCPT TO, DATA, the body and
 * the dot, each waiting for its reply (no pipelining, as JavaMail does not pipeline), and a new
 * connection every PER_CONNECTION messages (Homeward's chunk size). Messages are pre-built
 * multipart text+HTML bodies of about SIZE bytes, each with its own Message-ID.
 *
 * Usage: java RawClient.java PORT MESSAGES CONNECTIONS PER_CONNECTION SIZE [ID_PREFIX]
 * Prints "raw_per_second=R messages=N seconds=S ..."; R counts from the first connect to the last 250 reply.
 */
public class RawClient {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int messages = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        int perConnection = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        String prefix = args.length > 5 ? args[5] : "raw";
        byte[] body = body(size);
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    while (next.get() < messages) {
                        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                            socket.setTcpNoDelay(true);
                            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
                            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 65536);
                            expect(in, '2');
                            command(out, in, "EHLO raw-client\r\n", '2');
                            for (int i = 0; i < perConnection; i++) {
                                long n = next.getAndIncrement();
                                if (n >= messages) {
                                    break;
                                }
                                command(out, in, "MAIL FROM:<no-reply@homeward.local>\r\n", '2');
                                command(out, in, "RCPT TO:<client-" + n + "@bench.homeward.test>\r\n", '2');
                                command(out, in, "DATA\r\n", '3');
                                out.write(("Message-ID: <" + prefix + "-" + UUID.randomUUID() + "@localhost>\r\n")
                                        .getBytes(StandardCharsets.US_ASCII));
                                out.write(body);
                                command(out, in, ".\r\n", '2');
                                done.incrementAndGet();
                            }
                            command(out, in, "QUIT\r\n", '2');
                        }
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("raw_per_second=%d messages=%d seconds=%.3f connections=%d per_connection=%d size=%d%n",
                Math.round(done.get() / seconds), done.get(), seconds, connections, perConnection, body.length);
    }

    private static void command(OutputStream out, InputStream in, String line, char expected) throws IOException {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, expected);
    }

    /** Reads one reply (multi-line replies too) and checks its first digit. */
    private static void expect(InputStream in, char expected) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            if (c == -1) {
                throw new IOException("connection closed");
            }
            if (line.length() < 4 || line.charAt(0) != expected) {
                throw new IOException("unexpected reply: " + line);
            }
            if (line.charAt(3) != '-') {
                return;
            }
        }
    }

    /** Headers (but the Message-ID) and a multipart text + HTML body, padded to about {@code size} bytes. */
    private static byte[] body(int size) {
        String boundary = "----=_Part_0_bench";
        StringBuilder s = new StringBuilder();
        s.append("Date: Thu, 26 Nov 2026 09:00:00 +0000\r\n");
        s.append("From: Homeward <no-reply@homeward.local>\r\n");
        s.append("To: client@bench.homeward.test\r\n");
        s.append("Subject: Bench Clinic: you have homework waiting\r\n");
        s.append("MIME-Version: 1.0\r\n");
        s.append("List-Unsubscribe: <http://localhost/unsubscribe/one-click/00000000-0000-0000-0000-000000000000/token>\r\n");
        s.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
        s.append("Auto-Submitted: auto-generated\r\n");
        s.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        s.append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=UTF-8\r\n")
                .append("Content-Transfer-Encoding: 7bit\r\n\r\n");
        String filler = "You have homework waiting in your portal. Open it when you have a quiet moment.";
        String htmlHeader = "\r\n--" + boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n\r\n";
        String closing = "\r\n--" + boundary + "--\r\n";
        // the Message-ID line (about 70 bytes) is written separately; the rest makes up the size
        int target = Math.max(size - 70 - closing.length(), s.length() + htmlHeader.length());
        int textEnd = s.length() + (target - s.length() - htmlHeader.length()) / 3;
        while (s.length() + filler.length() + 2 <= textEnd) {
            s.append(filler).append("\r\n");
        }
        s.append(htmlHeader);
        String paragraph = "<p style=\"color:#2f6f73\">" + filler + "</p>\r\n";
        while (s.length() + paragraph.length() <= target) {
            s.append(paragraph);
        }
        while (s.length() < target) {
            s.append(s.length() + 2 < target ? "x" : "\r\n".substring(0, Math.min(2, target - s.length())));
        }
        s.append("\r\n--").append(boundary).append("--\r\n");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
