package io.runflow.testkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.testkit.FakeRunflowServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** A plain Spring test context (no Boot) with the fake: properties, injection, reset per test. */
@SpringJUnitConfig(EnableRunflowFakeTest.Empty.class)
@EnableRunflowFake
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnableRunflowFakeTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {}

    @Autowired
    FakeRunflowServer server;

    @Value("${runflow.base-url}")
    String baseUrl;

    @Value("${runflow.api-key}")
    String apiKey;

    @Value("${runflow.webhook.secrets}")
    String secrets;

    @Test
    @Order(1)
    void pointsTheRunflowPropertiesAtTheInjectableFake() {
        assertThat(baseUrl).isEqualTo(server.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(apiKey).isEqualTo(server.apiKey());
        assertThat(secrets).isEqualTo(server.webhookSecret());
    }

    @Test
    @Order(2)
    void servesTheApi() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/v1/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    @Order(3)
    void resetsTheFakeBeforeEachTest() {
        assertThat(server.requests()).isEmpty();
    }
}
