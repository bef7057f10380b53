package io.runflow.feign;

import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * An answer's body as {@link JavaNetClient} read it: Feign's byte-array body, whose bytes {@link
 * RunflowDecoder} and {@link RunflowErrorDecoder} take as they are instead of reading a copy back
 * out of a stream. Never written to: the bytes are the client's own.
 */
final class AnswerBody implements Response.Body {

    private final byte[] bytes;

    private AnswerBody(byte[] bytes) {
        this.bytes = bytes;
    }

    /** As Feign's {@code ByteArrayBody.orNull}: no body for {@code null}. */
    static AnswerBody of(byte[] bytes) {
        return bytes == null ? null : new AnswerBody(bytes);
    }

    /**
     * The bytes of an answer's body, for the decoders: none for no body, the array itself (no copy)
     * for one of these, otherwise what its stream holds.
     *
     * @param response the answer
     * @return its body's bytes, empty when it has none
     * @throws IOException if some other body's stream fails
     */
    static byte[] read(Response response) throws IOException {
        Response.Body body = response.body();
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof AnswerBody) {
            return ((AnswerBody) body).bytes;
        }
        try (InputStream in = body.asInputStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public Integer length() {
        return bytes.length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public InputStream asInputStream() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    @SuppressWarnings("deprecation") // Feign's interface
    public Reader asReader() {
        return asReader(feign.Util.UTF_8);
    }

    @Override
    public Reader asReader(Charset charset) {
        return new InputStreamReader(asInputStream(), charset);
    }

    @Override
    public void close() {}
}
