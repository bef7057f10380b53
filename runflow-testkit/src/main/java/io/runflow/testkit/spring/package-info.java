/**
 * Spring test integration: {@link io.runflow.testkit.spring.EnableRunflowFake} runs a Spring
 * (Boot) test's application against a {@link io.runflow.testkit.FakeRunflowServer}. Needs {@code
 * spring-test} on the test class path; references no class of the Spring Boot starter.
 */
package io.runflow.testkit.spring;
