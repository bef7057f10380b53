/**
 * The fake server's HTTP plumbing: the loopback JDK server and its tuning, the one handler
 * ({@link io.runflow.testkit.internal.http.Dispatcher}: journal, faults, body limit), the router and
 * its middleware (among them {@code Idempotency-Key}), requests, responses and the error envelope.
 * It knows nothing of runs. Not public API: types are public only so that {@code io.runflow.testkit}
 * and {@code io.runflow.testkit.internal.fake} can use them; other modules must not.
 */
package io.runflow.testkit.internal.http;
