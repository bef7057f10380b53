package io.runflow.examples.micronaut;

import io.micronaut.runtime.Micronaut;
import io.runflow.testkit.FakeRunflowServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The Micronaut sample: {@code POST /images} creates a FLUX 1.1 [pro] Ultra run whose callback comes
 * back to this application, {@code GET /images/{id}} shows it. Without {@code RUNFLOW_API_KEY} it
 * runs against the SDK's fake server, started in-process.
 */
public final class ImagesApplication {

    private ImagesApplication() {}

    public static void main(String[] args) {
        Map<String, Object> properties = new HashMap<>();
        String apiKey = System.getenv("RUNFLOW_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            // Real time, so that runs finish and callbacks arrive by themselves, as from Runflow.
            FakeRunflowServer fake = FakeRunflowServer.builder().build();
            Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
            properties.put("runflow.api-key", fake.apiKey());
            properties.put("runflow.base-url", fake.baseUrl());
            properties.put("runflow.webhook.secrets", fake.webhookSecret());
            System.out.println("Runflow: embedded fake server at " + fake.baseUrl()
                    + " (set RUNFLOW_API_KEY to use the real API)");
        } else {
            properties.put("runflow.api-key", apiKey);
            putIfSet(properties, "runflow.base-url", "RUNFLOW_BASE_URL");
            putIfSet(properties, "runflow.webhook.secrets", "RUNFLOW_WEBHOOK_SECRET");
            putIfSet(properties, ImagesController.CALLBACK_URL, "RUNFLOW_CALLBACK_URL");
        }
        Micronaut.build(args)
                .mainClass(ImagesApplication.class)
                .properties(properties)
                .start();
    }

    private static void putIfSet(Map<String, Object> properties, String key, String variable) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }
}
