package io.runflow.testkit.internal.fake;

import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.Request;
import io.runflow.testkit.internal.http.Response;

/** Serves output files, {@code GET /files/{runId}/0.jpg}, without auth like a presigned URL. */
final class Files {

    private final RunStore store;
    private final JpegRenderer renderer;

    Files(RunStore store, JpegRenderer renderer) {
        this.store = store;
        this.renderer = renderer;
    }

    Response get(Request request) {
        RunState run = store.find(request.param("run"));
        String prompt;
        long seed;
        int width;
        int height;
        synchronized (store) {
            if (run == null || run.output == null || !"0.jpg".equals(request.param("file"))) {
                throw ErrorResponseException.notFound("NOT_FOUND", "no such file: " + request.path());
            }
            prompt = run.input.path("prompt").asText("");
            seed = run.seed;
            width = run.model.width();
            height = run.model.height();
        }
        return Response.bytes(200, "image/jpeg", renderer.render(prompt, seed, width, height));
    }
}
