package io.runflow.examples.spring;

import io.runflow.testkit.FakeRunflowServer;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot sample: {@code POST /images} makes a FLUX 1.1 [pro] Ultra image with a callback to
 * this application, {@code GET /images/{id}} shows it. Without {@code RUNFLOW_API_KEY} it runs
 * against the SDK's fake Runflow server, in-process; with it, against the real API ({@code
 * RUNFLOW_WEBHOOK_SECRETS} and {@code IMAGES_CALLBACK_BASE_URL}, a public URL of this application,
 * make the callbacks reach it).
 */
@SpringBootApplication
public class ImagesApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ImagesApplication.class);
        String key = System.getenv("RUNFLOW_API_KEY");
        if (key == null || key.isBlank()) {
            FakeRunflowServer fake = FakeRunflowServer.builder().build();
            Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
            application.setDefaultProperties(Map.of(
                    "runflow.base-url", fake.baseUrl(),
                    "runflow.api-key", fake.apiKey(),
                    "runflow.webhook.secrets", fake.webhookSecret()));
            System.out.println("Runflow: embedded fake server at " + fake.baseUrl()
                    + " (set RUNFLOW_API_KEY to use the real API)");
        }
        application.run(args);
    }
}
