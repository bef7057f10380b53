package io.runflow.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.spring.EnableRunflowFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** A client's mistake is a 400 or 404 with a one-line JSON error, and creates no run. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnableRunflowFake
class BadRequestsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    FakeRunflowServer fake;

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"prompt\":\"\"}                | {\"error\":\"prompt must not be blank\"}",
                "{}                               | {\"error\":\"prompt is required\"}",
                "{\"prompt\":7}                   | {\"error\":\"prompt must be a string\"}",
                "{\"prompt\":\"fox\",\"seed\":-1}   | {\"error\":\"seed must not be negative, got -1\"}",
                "{\"prompt\":\"fox\",\"seed\":\"abc\"} | {\"error\":\"seed must be a whole number from 0 to 9223372036854775807\"}",
                "{\"prompt\":\"fox\",\"seed\":1.5}  | {\"error\":\"seed must be a whole number from 0 to 9223372036854775807\"}",
            })
    void answersABadImageRequestWithItsField(String body, String error) throws Exception {
        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(error);
        assertThat(fake.runs()).isEmpty();
    }

    @Test
    void answersABodyThatIsNotJsonWith400() throws Exception {
        HttpResponse<String> response = post("prompt=fox");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fake.runs()).isEmpty();
    }

    @Test
    void answersAnUnknownImageWith404AndAJsonError() throws Exception {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(uri("/images/nope")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"no image nope\"}");
    }

    @Test
    void exposesHealth() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri("/images"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
