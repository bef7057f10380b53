package io.runflow.examples;

import java.util.ArrayList;
import java.util.List;

/** The quickstart's command line: {@code [prompt words...] [--seed N]}. */
record Arguments(String prompt, Long seed) {

    static final String DEFAULT_PROMPT = "a serene japanese garden with cherry blossoms at dawn";

    /**
     * Parses the command line. Checks of the values themselves (blank prompt, negative seed) are left
     * to the SDK's typed input, so the quickstart reports exactly what the SDK would.
     */
    static Arguments parse(String... args) {
        List<String> words = new ArrayList<>();
        Long seed = null;
        boolean promptGiven = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--seed")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--seed needs a whole number");
                }
                seed = parseSeed(args[++i]);
            } else if (arg.startsWith("--seed=")) {
                seed = parseSeed(arg.substring("--seed=".length()));
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException(
                        "unknown option " + arg + "; usage: quickstart [prompt words...] [--seed N]");
            } else {
                words.add(arg);
                promptGiven = true;
            }
        }
        return new Arguments(promptGiven ? String.join(" ", words) : DEFAULT_PROMPT, seed);
    }

    private static Long parseSeed(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed needs a whole number, got '" + text + "'");
        }
    }
}
