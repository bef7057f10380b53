package io.runflow.reliability;

/**
 * One request of the plan: which instance it goes to, the exact body, the {@code Runflow-Signature}
 * header (null: none sent), whether the body is streamed without a {@code Content-Length}, and what
 * the instance must answer.
 */
record Delivery(Kind kind, String runId, int instance, byte[] body, String signature, boolean chunked) {

    /** What a request is, and the status it must get. */
    enum Kind {
        /** The first delivery of a run's signed callback. */
        ORIGINAL(200),
        /** The same bytes and signature again, to another instance. */
        DUPLICATE(200),
        /** A wrong, missing or malformed signature, or a body altered after signing. */
        FORGERY(401),
        /** Correctly signed, but over the endpoint's max-body-size. */
        OVERSIZED(413);

        final int expectedStatus;

        Kind(int expectedStatus) {
            this.expectedStatus = expectedStatus;
        }
    }
}
