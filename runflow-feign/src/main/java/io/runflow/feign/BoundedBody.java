package io.runflow.feign;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an answer's body into bytes, never more than a limit, so that no answer can make the client
 * hold more than that: a 2xx body over the limit fails with {@link TooLarge} (at once when its {@code
 * Content-Length} already says so), and the rest is not read; an error body is cut at the limit and
 * the connection dropped, since its status is what the caller acts on.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** A body over the limit; {@link JavaNetClient} turns it into the caller's exception. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes");
        }
    }

    private final long limit;
    private final boolean success;
    private final long declared;
    /** {@link System#nanoTime()} past which the body is late; {@code 0} for none. */
    private final long deadline;

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> received = new ArrayList<>();
    private Flow.Subscription subscription;
    private long size;
    private boolean done;

    private BoundedBody(long limit, boolean success, long declared, long deadline) {
        this.limit = limit;
        this.success = success;
        this.declared = declared;
        this.deadline = deadline;
    }

    /**
     * Returns the handler that reads an answer's body with this limit and deadline.
     *
     * @param limit the most bytes of a body kept
     * @param deadline the {@link System#nanoTime()} after which a piece of the body that arrives ends
     *     the read with {@link HttpTimeoutException} ({@code "request timed out"}, as the JDK reports
     *     late headers); {@code 0} for no deadline
     * @return the handler
     */
    static HttpResponse.BodyHandler<byte[]> handler(long limit, long deadline) {
        return info -> {
            OptionalLong length = info.headers().firstValueAsLong("Content-Length");
            return new BoundedBody(limit, info.statusCode() / 100 == 2, length.orElse(-1), deadline);
        };
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (success && declared > limit) {
            done = true;
            // Completed before the cancel, so that the JDK's own report of it cannot come first.
            result.completeExceptionally(new TooLarge(limit));
            subscription.cancel();
            return;
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (done) {
            return;
        }
        if (deadline != 0 && System.nanoTime() - deadline > 0) {
            done = true;
            received.clear();
            result.completeExceptionally(new HttpTimeoutException("request timed out"));
            subscription.cancel();
            return;
        }
        for (ByteBuffer buffer : buffers) {
            long room = limit - size;
            if (buffer.remaining() > room) {
                done = true;
                if (success) {
                    received.clear();
                    result.completeExceptionally(new TooLarge(limit));
                } else {
                    received.add(buffer.limit(buffer.position() + (int) room));
                    size = limit;
                    result.complete(join());
                }
                subscription.cancel(); // after the result, which the JDK's report of the cancel must not beat
                return;
            }
            size += buffer.remaining();
            received.add(buffer);
        }
    }

    @Override
    public void onError(Throwable failure) {
        if (!done) {
            done = true;
            received.clear();
            result.completeExceptionally(failure);
        }
    }

    @Override
    public void onComplete() {
        if (!done) {
            done = true;
            result.complete(join());
        }
    }

    private byte[] join() {
        byte[] bytes = new byte[(int) size];
        int at = 0;
        for (ByteBuffer buffer : received) {
            int n = buffer.remaining();
            buffer.get(bytes, at, n);
            at += n;
        }
        received.clear();
        return bytes;
    }
}
