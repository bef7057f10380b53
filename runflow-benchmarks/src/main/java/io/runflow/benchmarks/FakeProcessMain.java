package io.runflow.benchmarks;

import io.runflow.testkit.FakeRunflowServer;

/**
 * P1c's server: the standalone fake in a process of its own, deterministic like P1's in-process one
 * (every read answers the same queued run). Prints {@code key=..} and {@code port=N}, serves until
 * standard input closes.
 */
public final class FakeProcessMain {

    private FakeProcessMain() {}

    /**
     * Starts the fake.
     *
     * @param args none
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        FakeRunflowServer server = FakeRunflowServer.builder().deterministic().build();
        System.out.println("key=" + server.apiKey());
        ServerProcess.serve(server.port(), server::close);
    }
}
