/**
 * The Runflow domain of the fake server: runs and their lifecycle, the run store, models, callback
 * secrets, callbacks (ledger, sender, loopback guard), scripted outcomes, output images, server time,
 * and {@link io.runflow.testkit.internal.fake.FakeBackend}, which wires them to the HTTP plumbing.
 * Not public API: the few public types serve {@code io.runflow.testkit.FakeRunflowServer}; other
 * modules must not use them.
 */
package io.runflow.testkit.internal.fake;
