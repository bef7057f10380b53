package io.runflow.benchmarks;

import java.io.IOException;
import java.io.InputStream;

/**
 * The shape of every P3 cold-start child: start one server on loopback, print {@code port=N} on
 * standard output, serve until standard input closes.
 */
final class ServerProcess {

    private ServerProcess() {}

    static void serve(int port, AutoCloseable server) throws Exception {
        System.out.println("port=" + port);
        System.out.flush();
        InputStream in = System.in;
        try {
            while (in.read() >= 0) {
                // drain until the launcher closes our standard input
            }
        } catch (IOException e) {
            // launcher gone
        }
        server.close();
        System.exit(0);
    }
}
