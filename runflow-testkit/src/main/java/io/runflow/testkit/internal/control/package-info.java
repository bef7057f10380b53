/**
 * The control API: HTTP endpoints under {@code /__fake/v1/} that call {@code FakeRunflowServer}'s
 * public scripting and inspection methods, one endpoint per method, so tests in other languages
 * script the standalone fake as JUnit tests do. It uses the testkit only through its public API.
 * Not public API.
 */
package io.runflow.testkit.internal.control;
