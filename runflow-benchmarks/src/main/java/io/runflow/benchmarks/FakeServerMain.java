package io.runflow.benchmarks;

import io.runflow.testkit.FakeRunflowServer;

/** P3 subject: {@code FakeRunflowServer} with its defaults (loopback, port 0). */
public final class FakeServerMain {

    private FakeServerMain() {}

    static Started start() {
        FakeRunflowServer server = FakeRunflowServer.builder().build();
        return new Started(server.port(), server::close);
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
