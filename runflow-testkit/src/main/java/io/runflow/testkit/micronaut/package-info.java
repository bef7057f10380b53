/**
 * Micronaut Test glue: {@link io.runflow.testkit.micronaut.EnableRunflowFake} on a {@code
 * @MicronautTest} class runs the application against a {@link io.runflow.testkit.FakeRunflowServer}.
 */
package io.runflow.testkit.micronaut;
