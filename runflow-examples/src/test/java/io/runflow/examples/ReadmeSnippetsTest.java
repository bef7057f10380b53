package io.runflow.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's code honest: every Java block in it is preceded by {@code <!-- snippet:
 * path#name -->} and must equal, line for line, the region between {@code // snippet:start name}
 * and {@code // snippet:end name} of that source file, which the build compiles (and, for tests,
 * runs).
 */
class ReadmeSnippetsTest {

    private static final Path ROOT =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Pattern SNIPPET =
            Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheReadmeIsACompiledSourceRegion() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher matcher = SNIPPET.matcher(readme);
        List<String> checked = new ArrayList<>();
        while (matcher.find()) {
            String file = matcher.group(1);
            String name = matcher.group(2);
            assertThat(matcher.group(3))
                    .as("README block %s#%s", file, name)
                    .isEqualTo(region(ROOT.resolve(file), name));
            checked.add(name);
        }

        assertThat(checked).contains("plain-java", "webhook", "testkit-junit");
        assertThat(readme.split("```java", -1))
                .as("Java blocks without a snippet marker")
                .hasSize(checked.size() + 1);
    }

    private static String region(Path file, String name) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = indexOf(lines, "// snippet:start " + name, file);
        int end = indexOf(lines, "// snippet:end " + name, file);
        List<String> body = lines.subList(start + 1, end);
        int indent = body.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : body) {
            text.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return text.toString();
    }

    private static int indexOf(List<String> lines, String marker, Path file) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("no '" + marker + "' in " + file);
    }
}
