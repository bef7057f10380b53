package io.runflow.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@link FakeProcessMain} in a fresh JVM on loopback, for P1c: how a user's application meets the
 * network, a server in another process. Closing it closes the child's standard input, which stops
 * it; it is killed if it has not stopped 10 seconds later.
 */
final class RemoteFake implements AutoCloseable {

    private final Process process;
    private final String baseUrl;
    private final String apiKey;

    private RemoteFake(Process process, String baseUrl, String apiKey) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    static RemoteFake start() {
        List<String> command = List.of(
                Processes.java(),
                "-Xms256m",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path") + File.pathSeparator + Processes.ownCodeSource(),
                FakeProcessMain.class.getName());
        Process process = Processes.start(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT));
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            String key = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("key=")) {
                    key = line.substring(4).trim();
                } else if (line.startsWith("port=") && key != null) {
                    String url = "http://127.0.0.1:"
                            + Integer.parseInt(line.substring(5).trim());
                    return new RemoteFake(process, url, key);
                }
            }
            throw new IllegalStateException("the fake's process printed no key and port");
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e instanceof IOException ? new UncheckedIOException((IOException) e) : (RuntimeException) e;
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    String apiKey() {
        return apiKey;
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
