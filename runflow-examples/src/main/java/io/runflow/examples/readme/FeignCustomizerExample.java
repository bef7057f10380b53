package io.runflow.examples.readme;

import feign.Logger;
import io.runflow.RunflowClient;
import io.runflow.feign.RunflowFeign;

/** The README's transport customization example, compiled by the build so that it cannot drift. */
final class FeignCustomizerExample {

    private FeignCustomizerExample() {}

    static RunflowClient client() {
        // snippet:start feign-customizer
        RunflowClient runflow = RunflowClient.builder()
                .apiKey(System.getenv("RUNFLOW_API_KEY"))
                .transport(RunflowFeign.transport(
                        builder -> builder.logLevel(Logger.Level.HEADERS) // secrets stay masked at every level
                                .requestInterceptor(template -> template.header("X-Team", "imaging"))))
                .build();
        // snippet:end feign-customizer
        return runflow;
    }
}
