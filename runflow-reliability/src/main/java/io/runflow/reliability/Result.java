package io.runflow.reliability;

/**
 * What one delivery got: the status (0 when no answer came) and body, when it was sent ({@link
 * System#nanoTime()}) and the time from sending to the whole answer, or the I/O error instead.
 */
record Result(Delivery delivery, int status, String body, long sentAt, long nanos, String error) {

    /** Whether the two requests were in flight at the same time. */
    boolean overlaps(Result other) {
        return sentAt < other.sentAt + other.nanos && other.sentAt < sentAt + nanos;
    }

    boolean delivered() {
        return status == 200 && body != null && body.contains("\"delivered\"");
    }
}
