package io.runflow.examples.spring;

import io.runflow.testkit.FakeRunflowServer;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot sample: {@code POST /images} makes a FLUX 1.1 [pro] Ultra image with a callback to
 * this application, {@code GET /images/{id}} shows it. Without {@code RUNFLOW_API_KEY} it runs
 * against the SDK's fake Runflow server, in-process; with it, against the real API ({@code
 * RUNFLOW_BASE_URL} to change where), and {@code RUNFLOW_WEBHOOK_SECRET} with {@code
 * RUNFLOW_CALLBACK_URL}, a public URL of this application's {@code /runflow/webhook}, make the
 * callbacks reach it. The same variables as the quickstart and the Micronaut sample.
 */
@SpringBootApplication
public class ImagesApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ImagesApplication.class);
        Map<String, Object> defaults = new HashMap<>();
        String key = System.getenv("RUNFLOW_API_KEY");
        if (key == null || key.isBlank()) {
            FakeRunflowServer fake = FakeRunflowServer.builder().build();
            if (Boolean.getBoolean("spring.aot.processing")) {
                // spring-boot:process-aot runs this main to see the beans, and waits for it to end:
                // the same settings (so the same conditions match), but no server left running.
                fake.close();
            } else {
                Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
            }
            defaults.put("runflow.base-url", fake.baseUrl());
            defaults.put("runflow.api-key", fake.apiKey());
            defaults.put("runflow.webhook.secrets", fake.webhookSecret());
            System.out.println("Runflow: embedded fake server at " + fake.baseUrl()
                    + " (set RUNFLOW_API_KEY to use the real API)");
        } else {
            // RUNFLOW_API_KEY and RUNFLOW_BASE_URL bind to runflow.api-key and runflow.base-url by
            // themselves (relaxed binding); these two have names of their own.
            putIfSet(defaults, "runflow.webhook.secrets", "RUNFLOW_WEBHOOK_SECRET");
            putIfSet(defaults, "images.callback-url", "RUNFLOW_CALLBACK_URL");
        }
        application.setDefaultProperties(defaults);
        application.run(args);
    }

    private static void putIfSet(Map<String, Object> properties, String key, String variable) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }
}
