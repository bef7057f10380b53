package io.runflow.feign;

import static io.runflow.feign.FeignTests.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.RunflowClient;
import io.runflow.errors.NotFoundException;
import io.runflow.errors.RunflowIoException;
import io.runflow.errors.UnprocessableEntityException;
import io.runflow.model.Asset;
import io.runflow.model.AssetType;
import io.runflow.model.AssetUpload;
import io.runflow.model.AssetUploadRequest;
import io.runflow.model.FieldError;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import io.runflow.testkit.RecordedRequest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asset uploads through RunflowClient and Feign against the fake, whose upload URLs are its own. */
class AssetsTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();
    static final RunflowFeign api = RunflowFeign.create(FeignTests.options(server, new FeignTests.RecordingSleeper()));
    static final RunflowClient runflow =
            server.clientBuilder().organizationId("org-7").build();
    static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        runflow.close();
        api.close();
        server.close();
    }

    static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 80, 60);
        g.setColor(Color.BLUE);
        g.fillOval(20, 10, 40, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "jpg", out)).isTrue();
        return out.toByteArray();
    }

    private static byte[] fetch(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void aRealJpegRoundTripsByteForByteAndNothingOfTheApiKeyReachesTheUploadHost() throws Exception {
        byte[] bytes = jpeg();
        Path file = Files.write(dir.resolve("chair.jpg"), bytes);

        Asset asset = runflow.assets().upload(file);

        List<RecordedRequest> sent = server.requests();
        assertThat(sent).extracting(RecordedRequest::method).containsExactly("POST", "PUT", "POST");
        RecordedRequest presign = sent.get(0);
        assertThat(presign.path()).isEqualTo("/v1/asset-uploads");
        assertThat(json(presign))
                .isEqualTo(json("{\"filename\":\"chair.jpg\",\"mime_type\":\"image/jpeg\",\"size_bytes\":"
                        + bytes.length + "}"));
        RecordedRequest put = sent.get(1);
        assertThat(put.path()).isEqualTo("/uploads/" + asset.id());
        assertThat(put.header("Content-Type")).contains("image/jpeg");
        assertThat(put.body()).isEqualTo(bytes);
        assertThat(put.header("Authorization")).isEmpty();
        assertThat(put.header("X-Organization-Id")).isEmpty();
        assertThat(put.headers().values().stream().flatMap(List::stream))
                .noneMatch(value -> value.contains(server.apiKey()));
        assertThat(put.query()).doesNotContain(server.apiKey());
        RecordedRequest confirm = sent.get(2);
        assertThat(confirm.path()).isEqualTo("/v1/asset-uploads/" + asset.id() + "/confirmations");
        assertThat(confirm.header("Authorization")).contains("Bearer " + server.apiKey());

        assertThat(asset.ref()).isEqualTo("runflow://assets/" + asset.id());
        assertThat(asset.name()).isEqualTo("chair.jpg");
        assertThat(asset.mimeType()).isEqualTo("image/jpeg");
        assertThat(asset.sizeBytes()).isEqualTo(bytes.length);
        assertThat(asset.assetType()).isEqualTo("image");
        assertThat(fetch(asset.url())).isEqualTo(bytes);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(fetch(asset.url())))
                        .getWidth())
                .isEqualTo(80);

        Asset again = runflow.assets().get(asset.id());
        assertThat(server.requests().get(server.requests().size() - 1).target()).isEqualTo("/v1/assets/" + asset.id());
        assertThat(fetch(again.url())).isEqualTo(bytes);
        assertThat(again.requestId()).startsWith("req_");
    }

    @Test
    void anExpiredUploadUrlGetsOneFreshPresignAndOneMorePut() throws Exception {
        server.inject(Fault.status(403)
                .body("{\"code\":\"REQUEST_EXPIRED\",\"message\":\"expired\",\"errors\":null}")
                .times(1)
                .onPath("/uploads/"));
        byte[] bytes = jpeg();

        Asset asset = runflow.assets().upload(bytes, "photo.jpg", "image/jpeg");

        assertThat(server.requests())
                .extracting(r -> r.method() + " " + r.path().replaceAll("/[0-9a-f-]{36}", "/{id}"))
                .containsExactly(
                        "POST /v1/asset-uploads",
                        "PUT /uploads/{id}",
                        "POST /v1/asset-uploads",
                        "PUT /uploads/{id}",
                        "POST /v1/asset-uploads/{id}/confirmations");
        assertThat(fetch(asset.url())).isEqualTo(bytes);
    }

    @Test
    void anUploadUrlRefusedTwiceFailsWithoutAConfirmation() throws Exception {
        server.inject(Fault.status(403).times(2).onPath("/uploads/"));

        assertThatThrownBy(() -> runflow.assets().upload(jpeg(), "photo.jpg", "image/jpeg"))
                .isInstanceOf(RunflowIoException.class)
                .hasMessage("upload of photo.jpg refused twice with HTTP 403 by the presigned URL (expired at once:"
                        + " is the machine's clock far off?)");
        assertThat(server.requests()).extracting(RecordedRequest::method).containsExactly("POST", "PUT", "POST", "PUT");
    }

    @Test
    void theFakesUploadUrlExpiresOnServerTime() throws Exception {
        AssetUpload upload = api.createAssetUpload(new AssetUploadRequest("a.png", "image/png", 3), FeignTests.key());
        server.advance(Duration.ofMinutes(15));

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(upload.uploadUrl()))
                        .header("Content-Type", "image/png")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response.body()).path("code").asText()).isEqualTo("REQUEST_EXPIRED");
        assertThat(upload.toString()).doesNotContain("token");
    }

    @Test
    void oversizedAndWrongTypeUploadsFailBeforeAnyRequest() throws Exception {
        Path big = dir.resolve("huge.jpg");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024 + 1);
        }
        Files.writeString(dir.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> runflow.assets().upload(big))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an upload may have at most 50 MiB (52428800 bytes), got 52428801; host larger files"
                        + " yourself and pass their URL");
        assertThatThrownBy(() -> runflow.assets().upload(dir.resolve("notes.txt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot upload notes.txt: assets hold images, video and audio, and '.txt' is none this"
                        + " SDK knows; use upload(bytes, filename, mimeType) for another media type");
        assertThatThrownBy(() -> runflow.assets().upload("hello".getBytes(), "notes.txt", "text/plain"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mimeType 'text/plain' is not one assets hold: uploads take image/*, video/* or audio/*"
                        + " types (GET /v1/assets/types lists the server's)");
        assertThatThrownBy(() -> runflow.assets().upload(new byte[0], "empty.jpg", "image/jpeg"))
                .hasMessage("an upload must have at least 1 byte, got 0");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void thePresignRefusesATypeOutsideTheServersList() {
        assertThatThrownBy(() -> api.createAssetUpload(
                        new AssetUploadRequest("logo.svg", "image/svg+xml", 10), FeignTests.key()))
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field, FieldError::message)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(
                                                "mime_type",
                                                "unsupported type 'image/svg+xml'; GET /v1/assets/types lists the supported ones")));
    }

    @Test
    void theConfirmationChecksTheStoredObjectAgainstTheDeclaredSizeAndType() throws Exception {
        AssetUpload upload = api.createAssetUpload(new AssetUploadRequest("a.png", "image/png", 10), FeignTests.key());
        assertThatThrownBy(() -> api.confirmAssetUpload(upload.assetUploadId(), null, FeignTests.key()))
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::message)
                                .containsExactly("nothing was uploaded to the upload URL"));
        http.send(
                HttpRequest.newBuilder(URI.create(upload.uploadUrl()))
                        .header("Content-Type", "image/jpeg")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[5]))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        assertThatThrownBy(() -> api.confirmAssetUpload(upload.assetUploadId(), "folder-1", FeignTests.key()))
                .isInstanceOfSatisfying(
                        UnprocessableEntityException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field, FieldError::message)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(
                                                "size_bytes", "the stored object has 5 bytes, 10 were declared"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "mime_type",
                                                "the stored object is image/jpeg, image/png was declared")));
        assertThat(json(server.requests().get(server.requests().size() - 1)))
                .isEqualTo(json("{\"folder_id\":\"folder-1\"}"));
    }

    @Test
    void typesListsTheServersMimeTypes() {
        List<AssetType> types = runflow.assets().types();

        assertThat(server.takeRequest().target()).isEqualTo("/v1/assets/types");
        assertThat(types).extracting(AssetType::mimeType).contains("image/jpeg", "image/png", "video/mp4");
        assertThat(types)
                .filteredOn(t -> t.mimeType().equals("image/jpeg"))
                .singleElement()
                .extracting(AssetType::assetType)
                .isEqualTo("image");
    }

    @Test
    void anUnknownAssetIs404() {
        assertThatThrownBy(() -> runflow.assets().get("no-such-asset"))
                .isInstanceOfSatisfying(
                        NotFoundException.class, e -> assertThat(e.code()).isEqualTo("ASSET_NOT_FOUND"));
    }
}
