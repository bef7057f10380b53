package io.runflow;

import io.runflow.errors.RunflowIoException;
import io.runflow.internal.DataUris;
import io.runflow.internal.LazyHttpClient;
import io.runflow.model.OutputFile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;

/**
 * Streams output files to disk: into a temporary file beside the target, then moved into place, so
 * the target is either complete or absent. A {@code data:} URI output is decoded and written the
 * same way, without a request. Sends no credentials: output URLs are presigned, and the
 * API key must never reach the storage host.
 */
final class Downloader {

    private final LazyHttpClient http;
    private final RunflowOptions options;

    Downloader(RunflowOptions options) {
        this.options = options;
        // Built on the first transfer: most clients never make one, and building costs start-up time.
        this.http = new LazyHttpClient(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(options.connectTimeout())
                .build());
    }

    /** Releases the HTTP client's thread and connections where the JDK allows it (21 and later). */
    void close() {
        http.shutdown();
    }

    Path download(OutputFile file, Path target) {
        if (file.isDataUri()) {
            return writeInline(file, target);
        }
        URI uri = parse(file.url());
        Path destination = Files.isDirectory(target) ? target.resolve(fileName(uri)) : target;
        Path directory = destination.toAbsolutePath().getParent();
        Path partial = null;
        try {
            Files.createDirectories(directory);
            // Not createTempFile: its owner-only mode would stay on the downloaded file after the move.
            partial = Files.createFile(directory.resolve(".runflow-" + UUID.randomUUID() + ".part"));
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(options.readTimeout())
                    .header("User-Agent", options.userAgent())
                    .GET()
                    .build();
            HttpResponse<Path> response = http.get()
                    .send(
                            request,
                            HttpResponse.BodyHandlers.ofFile(
                                    partial,
                                    java.nio.file.StandardOpenOption.WRITE,
                                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING));
            if (response.statusCode() / 100 != 2) {
                throw new RunflowIoException(
                        "download of " + redacted(uri) + " failed: HTTP " + response.statusCode()
                                + " (output URLs expire; fetch the run again for fresh ones)",
                        null);
            }
            move(partial, destination);
            partial = null;
            return destination;
        } catch (IOException e) {
            throw new RunflowIoException("download of " + redacted(uri) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunflowIoException("download of " + redacted(uri) + " was interrupted", e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // Best effort: a leftover .part file is harmless and named as such.
                }
            }
        }
    }

    /**
     * Writes a {@code data:} URI's bytes, with no request: the same temporary file and move as a
     * download, so the target is complete or absent here too.
     */
    private static Path writeInline(OutputFile file, Path target) {
        byte[] bytes = DataUris.decode(file.url());
        String mediaType = file.contentType() != null ? file.contentType() : DataUris.mediaType(file.url());
        Path destination = Files.isDirectory(target) ? target.resolve(DataUris.fileName(mediaType)) : target;
        Path partial = null;
        try {
            Path directory = destination.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            partial = Files.createFile(directory.resolve(".runflow-" + UUID.randomUUID() + ".part"));
            Files.write(partial, bytes);
            move(partial, destination);
            partial = null;
            return destination;
        } catch (IOException e) {
            throw new RunflowIoException("writing an inline (data: URI) output failed: " + e, e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // Best effort, as for downloads.
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("output URL is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("output URL must be http or https, got scheme '" + scheme + "'");
        }
        return uri;
    }

    /** Presigned URLs carry credentials in the query: never show it. */
    static String redacted(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() || name.equals(".") || name.equals("..") ? "output" : name;
    }
}
