package io.runflow.examples.readme;

import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import java.nio.file.Path;

/** The README's first example, compiled by the build so that it cannot drift. */
final class PlainJavaExample {

    private PlainJavaExample() {}

    static Path generate() {
        // snippet:start plain-java
        try (RunflowClient runflow = RunflowClient.fromEnv()) { // reads RUNFLOW_API_KEY
            Run run = runflow.runs()
                    .run(FluxProUltra.input("a serene japanese garden").seed(42));

            System.out.println(run.id() + " " + run.status() + " in " + run.duration());
            return runflow.download(run.output().outputs().get(0), Path.of("garden.jpg"));
        }
        // snippet:end plain-java
    }
}
