package io.runflow.reliability;

import io.runflow.reliability.Delivery.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a load run showed, checked: every valid run's callback reached the listeners exactly once
 * over all instances (their {@code GET /callbacks} counts added up) and was answered {@code
 * delivered} exactly once, nothing else reached a listener, forgeries got 401, oversized bodies 413,
 * no answer was 5xx or missing, and the shared table holds one mark per valid run. Figures: the
 * throughput over the send phase and the latency percentiles.
 */
final class LoadReport {

    private static final int SHOWN = 10;

    private final LoadSettings settings;
    private final List<String> instances;
    private final List<Result> results;
    private final long elapsedNanos;
    private final long dedupMarks;
    private final List<String> violations = new ArrayList<>();
    private final Map<Kind, Map<Integer, Integer>> statuses = new EnumMap<>(Kind.class);
    private final Map<String, Integer> listenerCalls = new HashMap<>();
    private final Map<String, Integer> callsByInstance = new LinkedHashMap<>();
    private int validRuns;
    private int deliveredOnce;
    private int duplicated;
    private int racedInFlight;
    private int duplicateFirst;

    LoadReport(
            LoadSettings settings,
            List<String> instances,
            List<Result> results,
            long elapsedNanos,
            Map<String, Map<String, Integer>> countsByInstance,
            long dedupMarks) {
        this.settings = settings;
        this.instances = List.copyOf(instances);
        this.results = List.copyOf(results);
        this.elapsedNanos = elapsedNanos;
        this.dedupMarks = dedupMarks;
        check(countsByInstance);
    }

    private void check(Map<String, Map<String, Integer>> countsByInstance) {
        Set<String> valid = new HashSet<>();
        Map<String, Integer> deliveredAnswers = new HashMap<>();
        int fiveHundreds = 0;
        int missing = 0;
        List<String> wrongStatus = new ArrayList<>();
        for (Result result : results) {
            Kind kind = result.delivery().kind();
            statuses.computeIfAbsent(kind, k -> new TreeMap<>()).merge(result.status(), 1, Integer::sum);
            if (kind == Kind.ORIGINAL) {
                valid.add(result.delivery().runId());
            }
            if (result.delivered()) {
                deliveredAnswers.merge(result.delivery().runId(), 1, Integer::sum);
            }
            if (result.status() >= 500) {
                fiveHundreds++;
            }
            if (result.status() == 0) {
                missing++;
            }
            if (result.status() != kind.expectedStatus) {
                wrongStatus.add(kind + " " + result.delivery().runId() + " to "
                        + instances.get(result.delivery().instance())
                        + ": expected " + kind.expectedStatus + ", got " + result.status()
                        + (result.error() != null ? " (" + result.error() + ")" : " " + result.body()));
            }
        }
        validRuns = valid.size();
        countsByInstance.forEach((instance, counts) -> {
            callsByInstance.put(
                    instance,
                    counts.values().stream().mapToInt(Integer::intValue).sum());
            counts.forEach((runId, count) -> listenerCalls.merge(runId, count, Integer::sum));
        });
        races();
        List<String> notOnce = new ArrayList<>();
        for (String runId : valid) {
            int calls = listenerCalls.getOrDefault(runId, 0);
            if (calls == 1) {
                deliveredOnce++;
            } else {
                notOnce.add(runId + " reached the listeners " + calls + " times");
            }
            int answers = deliveredAnswers.getOrDefault(runId, 0);
            if (answers != 1) {
                notOnce.add(runId + " was answered \"delivered\" " + answers + " times");
            }
        }
        List<String> strangers = new ArrayList<>();
        listenerCalls.keySet().stream()
                .filter(runId -> !valid.contains(runId))
                .forEach(runId -> strangers.add(runId + " (not a valid run) reached the listeners"));
        report("requests without the expected status", wrongStatus);
        report("valid runs not delivered exactly once", notOnce);
        report("forged or oversized runs that reached a listener", strangers);
        if (fiveHundreds > 0) {
            violations.add(fiveHundreds + " answers were 5xx");
        }
        if (missing > 0) {
            violations.add(missing + " requests got no answer");
        }
        if (dedupMarks != validRuns) {
            violations.add(
                    "the shared de-duplication table holds " + dedupMarks + " marks for " + validRuns + " valid runs");
        }
    }

    /** How many duplicates were in flight together with their original, and how many arrived first. */
    private void races() {
        Map<String, Result> originals = new HashMap<>();
        for (Result result : results) {
            if (result.delivery().kind() == Kind.ORIGINAL) {
                originals.put(result.delivery().runId(), result);
            }
        }
        for (Result result : results) {
            if (result.delivery().kind() == Kind.DUPLICATE) {
                duplicated++;
                Result original = originals.get(result.delivery().runId());
                if (original != null && original.overlaps(result)) {
                    racedInFlight++;
                }
                if (result.delivered()) {
                    duplicateFirst++;
                }
            }
        }
    }

    private void report(String what, List<String> cases) {
        if (!cases.isEmpty()) {
            violations.add(cases.size() + " " + what + ", for example: "
                    + String.join("; ", cases.subList(0, Math.min(SHOWN, cases.size()))));
        }
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    boolean passed() {
        return violations.isEmpty();
    }

    int validRuns() {
        return validRuns;
    }

    int deliveredOnce() {
        return deliveredOnce;
    }

    long requests() {
        return results.size();
    }

    Map<Kind, Map<Integer, Integer>> statuses() {
        return statuses;
    }

    double throughput() {
        return results.size() / (elapsedNanos / 1e9);
    }

    Latencies latencies() {
        return Latencies.of(results);
    }

    Map<Kind, Latencies> latenciesByKind() {
        Map<Kind, Latencies> byKind = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            byKind.put(
                    kind,
                    Latencies.of(results.stream()
                            .filter(r -> r.delivery().kind() == kind)
                            .toList()));
        }
        return byKind;
    }

    /** The summary, as printed and as written to {@code results.md}. */
    String markdown(String context) {
        StringBuilder out = new StringBuilder();
        out.append("# Webhooks under load across instances\n\n");
        out.append(context).append("\n\n");
        out.append(String.format(
                Locale.ROOT,
                "**%s**: %,d of %,d valid runs' callbacks reached the application listeners exactly once across %d"
                        + " instances (%s); %,d requests from %d concurrent senders in %.1f s: **%,.0f requests/s**, of"
                        + " which %,.0f valid callbacks/s.%n%n",
                passed() ? "PASS" : "FAIL",
                deliveredOnce,
                validRuns,
                instances.size(),
                String.join(", ", instances),
                results.size(),
                settings.senders(),
                elapsedNanos / 1e9,
                throughput(),
                validRuns / (elapsedNanos / 1e9)));
        out.append(String.format(
                Locale.ROOT,
                "Listener calls per instance: %s. Of the %,d duplicates, %,d were in flight at the same time as"
                        + " their original on another instance, and %,d were the delivery answered \"delivered\""
                        + " (the original then answered \"duplicate\").%n%n",
                String.join(
                        ", ",
                        callsByInstance.entrySet().stream()
                                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                                .toList()),
                duplicated,
                racedInFlight,
                duplicateFirst));
        out.append(
                "| requests | count | expected status | answers (status × count) | p50 ms | p90 ms | p99 ms | max ms |\n");
        out.append("|---|---:|---:|---|---:|---:|---:|---:|\n");
        latenciesByKind()
                .forEach((kind, latencies) -> out.append(row(
                        kind.name().toLowerCase(Locale.ROOT),
                        latencies,
                        Integer.toString(kind.expectedStatus),
                        statuses.getOrDefault(kind, Map.of()))));
        Map<Integer, Integer> all = new TreeMap<>();
        statuses.values().forEach(byStatus -> byStatus.forEach((status, n) -> all.merge(status, n, Integer::sum)));
        out.append(row("all", latencies(), "", all));
        out.append("\nBy instance (every kind of request):");
        for (int i = 0; i < instances.size(); i++) {
            int instance = i;
            out.append(String.format(
                    Locale.ROOT,
                    "%s %s %s",
                    i == 0 ? "" : ";",
                    instances.get(i),
                    Latencies.of(results.stream()
                            .filter(r -> r.delivery().instance() == instance)
                            .toList())));
        }
        out.append(".\n");
        out.append(String.format(
                Locale.ROOT, "%nShared de-duplication table: %,d marks for %,d valid runs.%n", dedupMarks, validRuns));
        if (!passed()) {
            out.append("\nViolations:\n");
            violations.forEach(v -> out.append("- ").append(v).append('\n'));
        }
        return out.toString();
    }

    private static String row(String label, Latencies latencies, String expected, Map<Integer, Integer> statuses) {
        StringBuilder answers = new StringBuilder();
        statuses.forEach((status, n) -> answers.append(answers.length() == 0 ? "" : ", ")
                .append(status == 0 ? "none" : status.toString())
                .append(" × ")
                .append(String.format(Locale.ROOT, "%,d", n)));
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %s | %s | %.1f | %.1f | %.1f | %.1f |%n",
                label,
                latencies.count(),
                expected,
                answers,
                latencies.p50(),
                latencies.p90(),
                latencies.p99(),
                latencies.max());
    }
}
