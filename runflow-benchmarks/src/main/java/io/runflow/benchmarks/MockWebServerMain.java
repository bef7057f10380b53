package io.runflow.benchmarks;

import java.net.InetAddress;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** P3 peer: OkHttp's MockWebServer (mockwebserver3), a dispatcher answering every request alike. */
public final class MockWebServerMain {

    private MockWebServerMain() {}

    static Started start() throws java.io.IOException {
        MockResponse health = new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"ok\":true}")
                .build();
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return health;
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        return new Started(server.getPort(), server::close);
    }

    /**
     * Cold-start child.
     *
     * @param args none
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        Started started = start();
        ServerProcess.serve(started.port(), started.closer());
    }
}
