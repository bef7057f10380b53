package io.runflow.testkit;

import io.runflow.testkit.junit.RunflowExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shared setup of the endpoint tests: one deterministic server per test class, reset before each
 * test, by the testkit's own extension, and a raw HTTP client for it.
 */
abstract class DeterministicServerTest {

    @RegisterExtension
    static final RunflowExtension runflow = RunflowExtension.builder()
            .server(FakeRunflowServer.builder().deterministic())
            .build();

    FakeRunflowServer server;
    Http http;

    @BeforeEach
    void connect() {
        server = runflow.server();
        http = new Http(server);
    }
}
