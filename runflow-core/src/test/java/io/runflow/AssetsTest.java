package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.runflow.errors.RunflowIoException;
import io.runflow.model.Asset;
import io.runflow.model.AssetType;
import io.runflow.model.AssetUpload;
import io.runflow.model.AssetUploadRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads: the API's upload session and confirmation (in memory) and the PUT to a presigned-URL
 * storage host on loopback (a real server, standing in for the storage host, not for Runflow's API).
 */
class AssetsTest {

    /** One PUT as the storage host saw it. */
    private record Put(String path, String contentType, String userAgent, byte[] body) {}

    private final List<Put> puts = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final List<AssetUploadRequest> sessions = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final List<String> confirmed = new CopyOnWriteArrayList<>();
    private HttpServer storage;
    private RunflowClient runflow;

    @TempDir
    Path directory;

    @BeforeEach
    void start() throws IOException {
        storage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        storage.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            puts.add(new Put(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("User-Agent"),
                    body));
            Integer status;
            synchronized (statuses) {
                status = statuses.poll();
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        storage.start();
        String base = "http://" + storage.getAddress().getHostString() + ":"
                + storage.getAddress().getPort();
        RunflowApi api = new DelegatingApi(new InMemoryRunflowApi()) {
            @Override
            public AssetUpload createAssetUpload(AssetUploadRequest request, String idempotencyKey) {
                sessions.add(request);
                keys.add(idempotencyKey);
                return new AssetUpload("up_" + sessions.size(), base + "/bucket/up_" + sessions.size() + "?sig=s");
            }

            @Override
            public Asset confirmAssetUpload(String assetUploadId, String folderId, String idempotencyKey) {
                confirmed.add(assetUploadId + " " + folderId);
                keys.add(idempotencyKey);
                return Asset.builder().id("ast_" + assetUploadId).build();
            }

            @Override
            public Asset getAsset(String assetId) {
                return Asset.builder().id(assetId).name("got").build();
            }

            @Override
            public List<AssetType> listAssetTypes() {
                return List.of(new AssetType("image/png", "image", null));
            }
        };
        runflow = RunflowClient.builder()
                .apiKey("rf_live_secret_key_123")
                .userAgent("assets-test/1")
                .transport(options -> api)
                .build();
    }

    @AfterEach
    void stop() {
        runflow.close();
        storage.stop(0);
    }

    private void answer(Integer... codes) {
        synchronized (statuses) {
            statuses.addAll(List.of(codes));
        }
    }

    @Test
    void uploadsBytesThenConfirmsTheSession() {
        byte[] bytes = {1, 2, 3, 4};

        Asset asset = runflow.assets().upload(bytes, "cat.png", " Image/PNG ");

        assertThat(asset.id()).isEqualTo("ast_up_1");
        assertThat(sessions).containsExactly(new AssetUploadRequest("cat.png", "image/png", 4));
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).path()).isEqualTo("PUT /bucket/up_1?sig=s");
        assertThat(puts.get(0).contentType()).isEqualTo("image/png");
        assertThat(puts.get(0).userAgent()).isEqualTo("assets-test/1");
        assertThat(puts.get(0).body()).containsExactly(1, 2, 3, 4);
        assertThat(confirmed).containsExactly("up_1 null");
    }

    @Test
    void uploadsAFileWithTheMediaTypeOfItsExtension() throws IOException {
        Path file = Files.write(directory.resolve("Clip.MP4"), new byte[] {9, 8, 7});

        assertThat(runflow.assets().upload(file).id()).isEqualTo("ast_up_1");

        assertThat(sessions).containsExactly(new AssetUploadRequest("Clip.MP4", "video/mp4", 3));
        assertThat(puts.get(0).contentType()).isEqualTo("video/mp4");
        assertThat(puts.get(0).body()).containsExactly(9, 8, 7);
    }

    @Test
    void anExpiredUrlGetsOneFreshSession() {
        answer(403, 200);

        Asset asset = runflow.assets().upload(new byte[] {1}, "a.jpg", "image/jpeg");

        assertThat(asset.id()).isEqualTo("ast_up_2");
        assertThat(puts).extracting(Put::path).containsExactly("PUT /bucket/up_1?sig=s", "PUT /bucket/up_2?sig=s");
        assertThat(confirmed).containsExactly("up_2 null");
    }

    @Test
    void aSecond403SaysTheClockMayBeOff() {
        answer(403, 403);

        assertThatThrownBy(() -> runflow.assets().upload(new byte[] {1}, "a.jpg", "image/jpeg"))
                .isExactlyInstanceOf(RunflowIoException.class)
                .hasMessage("upload of a.jpg refused twice with HTTP 403 by the presigned URL"
                        + " (expired at once: is the machine's clock far off?)");
        assertThat(sessions).hasSize(2);
        assertThat(confirmed).isEmpty();
    }

    @Test
    void theFreshSessionAfterA403AndTheConfirmationEachGetAKeyOfTheirOwn() {
        answer(403, 200);

        runflow.assets().upload(new byte[] {1}, "a.jpg", "image/jpeg");

        assertThat(keys).hasSize(3).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void aStatusOutsideTwoHundredsFailsTheUpload() {
        answer(500);

        assertThatThrownBy(() -> runflow.assets().upload(new byte[] {1}, "a.jpg", "image/jpeg"))
                .isExactlyInstanceOf(RunflowIoException.class)
                .hasMessage("upload of a.jpg failed: the presigned URL answered HTTP 500");
        assertThat(sessions).hasSize(1);
        assertThat(confirmed).isEmpty();
    }

    @Test
    void anyTwoHundredStatusIsSuccess() {
        answer(204);
        assertThat(runflow.assets()
                        .upload(new byte[] {1}, "a.jpg", "image/jpeg")
                        .id())
                .isEqualTo("ast_up_1");
        answer(299);
        assertThat(runflow.assets()
                        .upload(new byte[] {1}, "a.jpg", "image/jpeg")
                        .id())
                .isEqualTo("ast_up_2");
        answer(300);
        assertThatThrownBy(() -> runflow.assets().upload(new byte[] {1}, "a.jpg", "image/jpeg"))
                .hasMessage("upload of a.jpg failed: the presigned URL answered HTTP 300");
    }

    @Test
    void rejectsAMediaTypeAssetsDoNotHold() {
        assertThatThrownBy(() -> runflow.assets().upload(new byte[] {1}, "a.pdf", "application/pdf"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("mimeType 'application/pdf' is not one assets hold: uploads take image/*, video/* or"
                        + " audio/* types (GET /v1/assets/types lists the server's)");
        assertThat(sessions).isEmpty();
    }

    @Test
    void rejectsAFileOfAnUnknownExtensionBeforeReadingIt() {
        Path file = directory.resolve("notes.txt");

        assertThatThrownBy(() -> runflow.assets().upload(file))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot upload notes.txt: assets hold images, video and audio, and '.txt' is none this"
                        + " SDK knows; use upload(bytes, filename, mimeType) for another media type");
    }

    @Test
    void aFileWithoutExtensionIsUnknown() {
        assertThatThrownBy(() -> Assets.mimeTypeOf("README")).hasMessageContaining("and '.' is none this SDK knows");
    }

    @Test
    void knowsTheCommonMediaExtensions() {
        assertThat(Assets.mimeTypeOf("a.jpg")).isEqualTo("image/jpeg");
        assertThat(Assets.mimeTypeOf("a.b.JPEG")).isEqualTo("image/jpeg");
        assertThat(Assets.mimeTypeOf("a.webp")).isEqualTo("image/webp");
        assertThat(Assets.mimeTypeOf("a.mov")).isEqualTo("video/quicktime");
        assertThat(Assets.mimeTypeOf("a.mp3")).isEqualTo("audio/mpeg");
        assertThat(Assets.mimeTypeOf("a.m4a")).isEqualTo("audio/mp4");
        assertThat(Assets.mimeTypeOf(".png")).isEqualTo("image/png");
    }

    @Test
    void aPathWithoutAFileNameIsNamedUpload() {
        Path root = directory.getRoot();

        assertThatThrownBy(() -> runflow.assets().upload(root))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot upload upload: ");
    }

    @Test
    void aMissingFileIsAnIoError() {
        Path file = directory.resolve("gone.png");

        assertThatThrownBy(() -> runflow.assets().upload(file))
                .isExactlyInstanceOf(RunflowIoException.class)
                .hasMessageStartingWith("cannot read gone.png: ");
        assertThat(sessions).isEmpty();
    }

    @Test
    void anEmptyFileIsRefusedBeforeAnySession() throws IOException {
        Path file = Files.write(directory.resolve("empty.png"), new byte[0]);

        assertThatThrownBy(() -> runflow.assets().upload(file))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("an upload must have at least 1 byte, got 0");
        assertThat(sessions).isEmpty();
    }

    @Test
    void getAndTypesAskTheApi() {
        assertThat(runflow.assets().get("ast_9").name()).isEqualTo("got");
        assertThat(runflow.assets().types()).extracting(AssetType::mimeType).containsExactly("image/png");
        assertThatThrownBy(() -> runflow.assets().get("a/b"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("assetId must be an id such as the API returned, got \"a/b\"");
    }

    @Test
    void theUploadUrlMustBeAbsoluteHttp() {
        assertThatThrownBy(() -> Uploader.parse("ftp://host/x"))
                .isExactlyInstanceOf(RunflowIoException.class)
                .hasMessage("the upload URL the API returned must be absolute http or https, got scheme 'ftp'");
        assertThatThrownBy(() -> Uploader.parse("/relative"))
                .isExactlyInstanceOf(RunflowIoException.class)
                .hasMessage("the upload URL the API returned must be absolute http or https, got scheme ''");
        assertThatThrownBy(() -> Uploader.parse("https:///nohost"))
                .isExactlyInstanceOf(RunflowIoException.class)
                .hasMessageEndingWith("got scheme 'https'");
        assertThatThrownBy(() -> Uploader.parse("https://exa mple.com"))
                .isExactlyInstanceOf(RunflowIoException.class)
                .hasMessage("the upload URL the API returned is not a valid URL");
        assertThat(Uploader.parse("HTTPS://storage.example/x").getHost()).isEqualTo("storage.example");
        assertThat(Uploader.parse("http://storage.example/x").getHost()).isEqualTo("storage.example");
    }

    @Test
    void aStorageHostThatIsDownIsAnIoErrorWithoutTheSignature() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Uploader uploader = new Uploader(runflow.options());
        try {
            assertThatThrownBy(
                            () -> uploader.put("http://127.0.0.1:" + port + "/x?sig=secret", "image/png", new byte[1]))
                    .isExactlyInstanceOf(RunflowIoException.class)
                    .hasMessageStartingWith("upload to ")
                    .hasMessageNotContaining("secret");
        } finally {
            uploader.close();
        }
    }
}
