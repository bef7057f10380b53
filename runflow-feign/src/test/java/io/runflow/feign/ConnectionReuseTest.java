package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.RetryPolicy;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Sequential calls share one keep-alive HTTP/1.1 connection, counted by a TCP relay in front of the fake. */
class ConnectionReuseTest {

    @Test
    void sequentialCallsReuseOneConnection() throws Exception {
        try (FakeRunflowServer server =
                        FakeRunflowServer.builder().deterministic().build();
                Relay relay = new Relay(URI.create(server.baseUrl()).getPort());
                RunflowFeign api = RunflowFeign.create(FeignTests.options(
                        "http://127.0.0.1:" + relay.port(),
                        server.apiKey(),
                        null,
                        RetryPolicy.none(),
                        Duration.ofSeconds(5),
                        new FeignTests.RecordingSleeper()))) {
            for (int i = 0; i < 10; i++) {
                Run run = api.createRun(
                        FeignTests.keyed(FluxProUltra.input("reuse " + i).toRequest()));
                api.getRun(run.id());
            }

            assertThat(server.requests()).hasSize(20);
            assertThat(relay.accepted.get()).isEqualTo(1);
        }
    }

    /** Accepts connections on loopback and pipes each to the target port. */
    static final class Relay implements AutoCloseable {
        final AtomicInteger accepted = new AtomicInteger();
        private final ServerSocket socket;
        private final int target;

        Relay(int target) throws IOException {
            this.target = target;
            this.socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread acceptor = new Thread(this::acceptLoop, "relay-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void acceptLoop() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    accepted.incrementAndGet();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    client.setTcpNoDelay(true);
                    upstream.setTcpNoDelay(true);
                    pipe(client, upstream);
                    pipe(upstream, client);
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void pipe(Socket from, Socket to) {
            Thread thread = new Thread(
                    () -> {
                        try (InputStream in = from.getInputStream();
                                OutputStream out = to.getOutputStream()) {
                            byte[] buffer = new byte[8192];
                            for (int n; (n = in.read(buffer)) >= 0; ) {
                                out.write(buffer, 0, n);
                                out.flush();
                            }
                        } catch (IOException e) {
                            // One side closed: the other follows through try-with-resources.
                        }
                    },
                    "relay-pipe");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
