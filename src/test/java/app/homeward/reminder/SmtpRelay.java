package app.homeward.reminder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the test's SMTP server (GreenMail), one per worker JVM: it passes bytes
 * through unchanged, counts the messages it carried (ends of DATA, "CRLF.CRLF", from the client) and
 * can hold each one back for a while before forwarding its end — a slow mail server, so a worker can
 * be killed in the middle of a batch.
 */
final class SmtpRelay implements AutoCloseable {

    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

    private final ServerSocket server;
    private final int target;
    private final ExecutorService pumps = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger messages = new AtomicInteger();
    private volatile long delayMillis;

    SmtpRelay(int targetPort) throws IOException {
        this.target = targetPort;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        pumps.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Messages whose end went through this relay. */
    int messages() {
        return messages.get();
    }

    void delayPerMessage(long millis) {
        this.delayMillis = millis;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pumps.execute(() -> pump(client, upstream, true));
                pumps.execute(() -> pump(upstream, client, false));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16 * 1024];
        int matched = 0; // how much of END_OF_DATA the stream ended with so far (across reads)
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                int ends = 0;
                if (fromClient) {
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        matched = b == END_OF_DATA[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                        if (matched == END_OF_DATA.length) {
                            ends++;
                            matched = 0;
                        }
                    }
                }
                if (ends > 0 && delayMillis > 0) {
                    Thread.sleep(delayMillis * ends);
                }
                out.write(buffer, 0, n);
                out.flush();
                messages.addAndGet(ends);
            }
        } catch (IOException | InterruptedException e) {
            // one side went away (a killed worker, say): close the other side too
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pumps.shutdownNow();
    }
}
