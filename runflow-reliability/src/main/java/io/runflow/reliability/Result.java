package io.runflow.reliability;

/**
 * What one delivery got: the status (0 when no answer came) and body, the time from sending to the
 * whole answer, or the I/O error instead.
 */
record Result(Delivery delivery, int status, String body, long nanos, String error) {

    boolean delivered() {
        return status == 200 && body != null && body.contains("\"delivered\"");
    }
}
