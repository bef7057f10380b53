package io.runflow.benchmarks.webhook.spring;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * P6, run by {@code runflow-benchmarks}' Main in a fresh JVM with this module's class path: {@link
 * WebhookApp} with one store, then rounds of signed 2 KiB callbacks with unique ids, each round
 * sending the same number to the starter's route and to the bare endpoint, interleaved in chunks of
 * {@value #CHUNK} calls, in an order rotated from round to round. Prints one line per round: {@code round=<n> runflow=<callbacks/s>
 * bare=<requests/s>} plus bytes allocated and CPU µs per request of the whole JVM, then {@code
 * delivered=<n> sent=<n>} (the listener's count against the Runflow requests sent).
 *
 * <p>Arguments: {@code memory|jdbc rounds calls warmup}.
 */
public final class WebhookLoadMain {

    /** Calls of one variant before the other's turn. */
    private static final int CHUNK = 25;

    private WebhookLoadMain() {}

    /**
     * Runs the rounds and prints the figures.
     *
     * @param args store, rounds, calls per variant per round, warm-up calls per variant
     */
    public static void main(String[] args) {
        WebhookApp.Store store = WebhookApp.Store.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        try (RunningApp app = RunningApp.start(store)) {
            run(app, rounds, calls, warmup);
        }
        System.exit(0);
    }

    static void run(RunningApp app, int rounds, int calls, int warmup) {
        CallbackSender sender = new CallbackSender();
        SignedCallbacks callbacks = new SignedCallbacks(System.nanoTime());
        List<String> variants = new ArrayList<>(List.of("runflow", "bare"));
        long sentToRunflow = 0;
        // Warm-up: both variants in turns of 100.
        for (int done = 0; done < warmup; done += 100) {
            int batch = Math.min(100, warmup - done);
            sender.sendAll(CallbackSender.requests(app.runflowUri(), batch(callbacks, batch)));
            sender.sendAll(CallbackSender.requests(app.bareUri(), batch(callbacks, batch)));
            sentToRunflow += batch;
        }
        for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(variants);
            Collections.rotate(order, -(round % order.size()));
            Map<String, List<HttpRequest>> requests = new HashMap<>();
            Map<String, long[]> totals = new HashMap<>();
            for (String variant : order) {
                URI uri = variant.equals("runflow") ? app.runflowUri() : app.bareUri();
                requests.put(variant, CallbackSender.requests(uri, batch(callbacks, calls)));
                totals.put(variant, new long[3]);
            }
            // Chunk by chunk, the variants in turn: a burst of the shared machine's load hits both.
            for (int from = 0; from < calls; from += CHUNK) {
                int to = Math.min(calls, from + CHUNK);
                for (String variant : order) {
                    List<HttpRequest> chunk = requests.get(variant).subList(from, to);
                    long[] total = totals.get(variant);
                    long allocated = ProcessMeters.allocatedBytes();
                    long cpu = ProcessMeters.cpuNanos();
                    long start = System.nanoTime();
                    sender.sendAll(chunk);
                    total[0] += System.nanoTime() - start;
                    total[1] += ProcessMeters.cpuNanos() - cpu;
                    total[2] += ProcessMeters.allocatedBytes() - allocated;
                }
            }
            sentToRunflow += calls;
            StringBuilder line = new StringBuilder("round=" + round);
            StringBuilder side = new StringBuilder();
            for (String variant : order) {
                long[] total = totals.get(variant);
                line.append(String.format(Locale.ROOT, " %s=%.1f", variant, calls / (total[0] / 1e9)));
                side.append(String.format(
                        Locale.ROOT,
                        " %sAlloc=%d %sCpu=%.1f",
                        variant,
                        total[2] / calls,
                        variant,
                        total[1] / 1e3 / calls));
            }
            System.out.println(line.append(side));
        }
        System.out.println("delivered=" + app.delivered() + " sent=" + sentToRunflow);
    }

    private static List<SignedCallbacks.Signed> batch(SignedCallbacks callbacks, int size) {
        List<SignedCallbacks.Signed> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(callbacks.next());
        }
        return batch;
    }
}
