package io.runflow.feign;

import feign.Response;
import java.io.ByteArrayInputStream;
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
     * The bytes of a body, without a copy when it is one of these.
     *
     * @param body an answer's body, not {@code null}
     * @return its bytes, or {@code null} when it is some other body, to be read as a stream
     */
    static byte[] bytesOf(Response.Body body) {
        return body instanceof AnswerBody ? ((AnswerBody) body).bytes : null;
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
