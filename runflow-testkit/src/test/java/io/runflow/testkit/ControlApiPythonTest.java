package io.runflow.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Python example, run: {@code src/test/python/control_api.py} drives the standalone
 * fake (started as its {@code main} would, on port 0) through the control API with plain {@code
 * urllib}, and the module's README shows that script's region as it is.
 */
class ControlApiPythonTest {

    private static final Path MODULE =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path SCRIPT = MODULE.resolve("src/test/python/control_api.py");

    @Test
    void aPythonScriptDrivesTheStandaloneFakeThroughTheControlApi(@TempDir Path tmp) throws Exception {
        Optional<Path> python = onPath("python3");
        assumeTrue(python.isPresent(), "python3 is not on the PATH: the README's Python example is not run");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        FakeRunflowServer server =
                Standalone.start(new String[] {"--deterministic"}, new PrintStream(err, true, UTF_8));
        assertThat(server).as(err.toString(UTF_8)).isNotNull();
        try (server) {
            Path output = tmp.resolve("python.out");
            Process process = new ProcessBuilder(python.get().toString(), SCRIPT.toString(), server.baseUrl())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean exited = process.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String text = Files.readString(output, UTF_8);

            assertThat(exited)
                    .as("the script ended within 60 s; its output:%n%s", text)
                    .isTrue();
            assertThat(process.exitValue()).as("exit code; output:%n%s", text).isZero();
            assertThat(text.strip())
                    .isEqualTo(
                            "control API: fault, outcome, time, journal, deliveries, balance and outage all checked");
            // The README example's four, the HTML page's list and the cut create, the balance and the outage's create.
            assertThat(server.requests()).as("the script's API requests").hasSize(8);
        }
    }

    @Test
    void theReadmeShowsTheScriptAsTheBuildRunsIt() throws IOException {
        for (String name : List.of("control-api", "load-test")) {
            String readme = Files.readString(MODULE.resolve("README.md"), UTF_8);
            Matcher block = Pattern.compile(
                            "<!-- snippet: runflow-testkit/src/test/python/control_api.py#" + name
                                    + " -->\\s*```python\\n(.*?)```",
                            Pattern.DOTALL)
                    .matcher(readme);

            assertThat(block.find())
                    .as("README has the " + name + " Python block")
                    .isTrue();
            assertThat(block.group(1)).isEqualTo(region(Files.readAllLines(SCRIPT, UTF_8), name));
        }
    }

    private static String region(List<String> lines, String name) {
        int start = lines.indexOf("# snippet:start " + name);
        int end = lines.indexOf("# snippet:end " + name);
        assertThat(start).as("start marker").isNotNegative();
        assertThat(end).as("end marker").isGreaterThan(start);
        StringBuilder text = new StringBuilder();
        lines.subList(start + 1, end).forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** The executable on the PATH, without running anything. */
    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(Pattern.quote(File.pathSeparator)))
                .filter(dir -> !dir.isEmpty())
                .flatMap(dir -> Stream.of(Path.of(dir, name), Path.of(dir, name + ".exe")))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
