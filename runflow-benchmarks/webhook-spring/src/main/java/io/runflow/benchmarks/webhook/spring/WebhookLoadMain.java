package io.runflow.benchmarks.webhook.spring;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * P6, run by {@code runflow-benchmarks}' Main in a fresh JVM with this module's class path: {@link
 * WebhookApp} with one store, then interleaved rounds of signed 2 KiB callbacks with unique ids, each
 * round sending the same number to the starter's route and to the bare endpoint, in an order rotated
 * from round to round. Prints one line per round: {@code round=<n> runflow=<callbacks/s>
 * bare=<requests/s>} plus bytes allocated and CPU µs per request of the whole JVM, then {@code
 * delivered=<n> sent=<n>} (the listener's count against the Runflow requests sent).
 *
 * <p>Arguments: {@code memory|jdbc rounds calls warmup}.
 */
public final class WebhookLoadMain {

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
            StringBuilder line = new StringBuilder("round=" + round);
            StringBuilder side = new StringBuilder();
            List<String> order = new ArrayList<>(variants);
            Collections.rotate(order, -(round % order.size()));
            for (String variant : order) {
                URI uri = variant.equals("runflow") ? app.runflowUri() : app.bareUri();
                List<HttpRequest> requests = CallbackSender.requests(uri, batch(callbacks, calls));
                long allocated = ProcessMeters.allocatedBytes();
                long cpu = ProcessMeters.cpuNanos();
                long start = System.nanoTime();
                sender.sendAll(requests);
                long elapsed = System.nanoTime() - start;
                cpu = ProcessMeters.cpuNanos() - cpu;
                allocated = ProcessMeters.allocatedBytes() - allocated;
                if (variant.equals("runflow")) {
                    sentToRunflow += calls;
                }
                line.append(String.format(Locale.ROOT, " %s=%.1f", variant, calls / (elapsed / 1e9)));
                side.append(String.format(
                        Locale.ROOT, " %sAlloc=%d %sCpu=%.1f", variant, allocated / calls, variant, cpu / 1e3 / calls));
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
