package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.runflow.errors.RunflowIoException;
import io.runflow.model.OutputFile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads from a storage host on loopback. This stands in for the presigned-URL host, not for
 * Runflow's API (core cannot depend on the testkit; the end-to-end download through the fake server
 * is tested in runflow-feign).
 */
class DownloaderTest {

    private static final String KEY = "rf_live_secret_key_123";

    private final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private HttpServer storage;
    private RunflowClient runflow;

    @TempDir
    Path directory;

    @BeforeEach
    void start() throws IOException {
        storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        storage.createContext("/", exchange -> {
            requestHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            byte[] body = files.get(exchange.getRequestURI().getPath());
            if (body == null) {
                body = "<Error>AccessDenied</Error>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(403, body.length);
            } else {
                exchange.sendResponseHeaders(200, body.length);
            }
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        storage.start();
        runflow = RunflowClient.builder()
                .apiKey(KEY)
                .transport(options -> new InMemoryRunflowApi())
                .build();
    }

    @AfterEach
    void stop() {
        runflow.close();
        storage.stop(0);
    }

    @Test
    void writesTheFileAndSendsNoCredentials() throws IOException {
        byte[] image = new byte[300_000];
        new java.util.Random(1).nextBytes(image);
        files.put("/o/garden.jpg", image);

        Path written = runflow.download(file("/o/garden.jpg?X-Amz-Signature=abc"), directory.resolve("out/garden.jpg"));

        assertThat(written).isEqualTo(directory.resolve("out/garden.jpg"));
        assertThat(Files.readAllBytes(written)).isEqualTo(image);
        assertThat(requestHeaders).hasSize(1);
        assertThat(requestHeaders.get(0).keySet()).noneMatch(name -> name.equalsIgnoreCase("Authorization"));
        assertThat(requestHeaders.get(0).toString()).doesNotContain(KEY);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void theFileGetsTheUsualPermissionsNotATempFilesOwnerOnlyOnes() throws IOException {
        files.put("/o/shared.jpg", new byte[] {1});
        Path sibling = Files.createFile(directory.resolve("sibling.txt"));

        Path written = runflow.download(file("/o/shared.jpg"), directory.resolve("shared.jpg"));

        if (Files.getFileStore(written).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(sibling));
        }
    }

    @Test
    void intoADirectoryUsesTheUrlsFileName() throws IOException {
        files.put("/o/abc.jpg", new byte[] {1, 2, 3});

        Path written = runflow.download(file("/o/abc.jpg"), directory);

        assertThat(written).isEqualTo(directory.resolve("abc.jpg"));
        assertThat(Files.readAllBytes(written)).containsExactly(1, 2, 3);
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        files.put("/o/new.jpg", new byte[] {9});
        Path target = Files.write(directory.resolve("image.jpg"), new byte[] {1, 1, 1});

        runflow.download(file("/o/new.jpg"), target);

        assertThat(Files.readAllBytes(target)).containsExactly(9);
    }

    @Test
    void aNon2xxAnswerFailsClearlyLeavesNoFileAndHidesTheSignedQuery() throws IOException {
        Path target = directory.resolve("expired.jpg");

        assertThatThrownBy(() -> runflow.download(file("/o/expired.jpg?X-Amz-Signature=topsecret"), target))
                .isInstanceOf(RunflowIoException.class)
                .hasMessage("download of http://" + host() + "/o/expired.jpg failed: HTTP 403"
                        + " (output URLs expire; fetch the run again for fresh ones)");
        assertThat(target).doesNotExist();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aConnectionFailureIsAnIoException() throws IOException {
        storage.stop(0);

        assertThatThrownBy(() -> runflow.download(file("/o/x.jpg"), directory.resolve("x.jpg")))
                .isInstanceOf(RunflowIoException.class)
                .hasMessageStartingWith("download of http://" + host() + "/o/x.jpg failed: ");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void closingTheClientReleasesTheDownloadClientWhereTheJdkCan() throws IOException {
        files.put("/o/a.jpg", new byte[] {1});
        runflow.download(file("/o/a.jpg"), directory.resolve("a.jpg"));

        runflow.close();

        // HttpClient.shutdown() exists from JDK 21; on 17 the client is left to the garbage collector.
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() >= 21);
        assertThatThrownBy(() -> runflow.download(file("/o/a.jpg"), directory.resolve("b.jpg")))
                .isInstanceOf(RunflowIoException.class);
    }

    @Test
    void onlyHttpUrlsAreDownloaded() {
        assertThatThrownBy(() -> runflow.download(OutputFile.of("file:///etc/passwd", "image"), directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output URL must be http or https, got scheme 'file'");
    }

    private OutputFile file(String pathAndQuery) {
        return new OutputFile("http://" + host() + pathAndQuery, "image", 1, 1, "image/jpeg", null);
    }

    private String host() {
        return "127.0.0.1:" + storage.getAddress().getPort();
    }

    private List<Path> leftovers() throws IOException {
        try (var paths = Files.walk(directory)) {
            return paths.filter(path -> path.getFileName().toString().endsWith(".part"))
                    .toList();
        }
    }
}
