package io.runflow.reliability;

import io.runflow.reliability.Delivery.Kind;
import io.runflow.webhook.WebhookSigner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Every request of a load run, in the order they are sent, from a seed: one signed callback per
 * distinct run to a random instance; for a share of runs the same bytes and signature again to
 * another instance, half of them right after the original (two senders take them at once, so the two
 * instances race on the shared de-duplication table) and half at a random later point (a retry);
 * forgeries in four kinds (another secret, no signature, a malformed one, a valid run's signature
 * over an altered body); oversized bodies, signed, half with a {@code Content-Length} and half
 * streamed in chunks.
 */
final class LoadPlan {

    private LoadPlan() {}

    static List<Delivery> create(LoadSettings settings, int instances, String secret, long maxBodySize) {
        if (instances < 2) {
            throw new IllegalArgumentException("duplicates go to another instance: at least two are needed");
        }
        Random random = new Random(settings.seed());
        WebhookSigner signer = WebhookSigner.of(secret);
        WebhookSigner stranger = WebhookSigner.of("whsec_someone_else_" + Long.toHexString(settings.seed()));
        List<Delivery> originals = new ArrayList<>(settings.callbacks());
        for (int n = 0; n < settings.callbacks(); n++) {
            String runId = runId(random);
            byte[] body = CallbackBodies.succeeded(runId, n);
            originals.add(
                    new Delivery(Kind.ORIGINAL, runId, random.nextInt(instances), body, signer.sign(body), false));
        }

        List<List<Delivery>> units = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int n = 0; n < originals.size(); n++) {
            order.add(n);
        }
        Collections.shuffle(order, random);
        boolean[] racing = new boolean[originals.size()];
        List<Delivery> laterDuplicates = new ArrayList<>();
        for (int d = 0; d < settings.duplicates() && d < order.size(); d++) {
            Delivery original = originals.get(order.get(d));
            int other = (original.instance() + 1 + random.nextInt(instances - 1)) % instances;
            Delivery duplicate =
                    new Delivery(Kind.DUPLICATE, original.runId(), other, original.body(), original.signature(), false);
            if (d % 2 == 0) {
                racing[order.get(d)] = true;
                units.add(List.of(original, duplicate));
            } else {
                laterDuplicates.add(duplicate);
            }
        }
        for (int n = 0; n < originals.size(); n++) {
            if (!racing[n]) {
                units.add(List.of(originals.get(n)));
            }
        }
        Collections.shuffle(units, random);
        // A retry comes after its original: each later duplicate goes at a random point behind it.
        for (Delivery duplicate : laterDuplicates) {
            int after = indexOfOriginal(units, duplicate.runId());
            units.add(after + 1 + random.nextInt(units.size() - after), List.of(duplicate));
        }

        for (int f = 0; f < settings.forgeries(); f++) {
            Delivery forgery;
            switch (f % 4) {
                case 0: {
                    String runId = runId(random);
                    byte[] body = CallbackBodies.succeeded(runId, f);
                    forgery = new Delivery(Kind.FORGERY, runId, 0, body, stranger.sign(body), false);
                    break;
                }
                case 1: {
                    String runId = runId(random);
                    forgery = new Delivery(Kind.FORGERY, runId, 0, CallbackBodies.succeeded(runId, f), null, false);
                    break;
                }
                case 2: {
                    String runId = runId(random);
                    forgery = new Delivery(
                            Kind.FORGERY, runId, 0, CallbackBodies.succeeded(runId, f), "sha256=not-hex", false);
                    break;
                }
                default: {
                    // A real run's signature, over a body changed to report a failure.
                    Delivery victim = originals.get(random.nextInt(originals.size()));
                    forgery = new Delivery(
                            Kind.FORGERY,
                            victim.runId(),
                            0,
                            CallbackBodies.tampered(victim.runId(), f),
                            victim.signature(),
                            false);
                    break;
                }
            }
            insertAnywhere(units, forgery, instances, random);
        }

        for (int o = 0; o < settings.oversized(); o++) {
            String runId = runId(random);
            int padding = (int) Math.min(Integer.MAX_VALUE - 1_000L, maxBodySize) + random.nextInt(64 * 1024);
            byte[] body = CallbackBodies.padded(runId, o, padding);
            insertAnywhere(
                    units,
                    new Delivery(Kind.OVERSIZED, runId, 0, body, signer.sign(body), o % 2 == 1),
                    instances,
                    random);
        }
        List<Delivery> sequence = new ArrayList<>();
        units.forEach(sequence::addAll);
        return List.copyOf(sequence);
    }

    /** Between two units, so that no racing pair is split. */
    private static void insertAnywhere(List<List<Delivery>> units, Delivery delivery, int instances, Random random) {
        Delivery placed = new Delivery(
                delivery.kind(),
                delivery.runId(),
                random.nextInt(instances),
                delivery.body(),
                delivery.signature(),
                delivery.chunked());
        units.add(random.nextInt(units.size() + 1), List.of(placed));
    }

    private static int indexOfOriginal(List<List<Delivery>> units, String runId) {
        for (int i = 0; i < units.size(); i++) {
            Delivery first = units.get(i).get(0);
            if (first.kind() == Kind.ORIGINAL && first.runId().equals(runId)) {
                return i;
            }
        }
        throw new IllegalStateException("no original for " + runId);
    }

    private static String runId(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
