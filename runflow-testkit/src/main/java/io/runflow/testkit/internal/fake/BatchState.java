package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.runflow.testkit.FakeModel;
import java.time.Instant;
import java.util.List;

/**
 * One batch: its items (each a child run) and what it was created with. Its status is never stored:
 * it is aggregated from the items' runs whenever it is read. Guarded by the {@link RunStore}'s lock,
 * like the runs it holds.
 */
final class BatchState {

    /** One item: a child run at a place in the batch's input array. */
    record Item(String id, int sequenceIndex, String clientRef, RunState run) {}

    final String id;
    final FakeModel model;
    final ArrayNode input;
    final List<Item> items;
    final JsonNode metadata;
    final String callbackUrl;
    final Instant createdAt;
    boolean callbackQueued;

    BatchState(
            String id,
            FakeModel model,
            ArrayNode input,
            List<Item> items,
            JsonNode metadata,
            String callbackUrl,
            Instant createdAt) {
        this.id = id;
        this.model = model;
        this.input = input;
        this.items = List.copyOf(items);
        this.metadata = metadata;
        this.callbackUrl = callbackUrl;
        this.createdAt = createdAt;
    }

    int count(String status) {
        return (int) items.stream().filter(i -> status.equals(i.run().status)).count();
    }

    /** Items whose run produced outputs, fully or partly. */
    int succeeded() {
        return (int) items.stream().filter(i -> i.run().hasSucceeded()).count();
    }

    boolean isTerminal() {
        return items.stream().allMatch(i -> i.run().isTerminal());
    }

    /**
     * The aggregate: {@code queued} until an item leaves the queue, {@code running} until every item
     * is terminal, then {@code succeeded} (all succeeded), {@code canceled} (all cancelled), {@code
     * failed} (none succeeded) or {@code partial_succeeded} (some did).
     */
    String status() {
        int total = items.size();
        if (!isTerminal()) {
            boolean started = items.stream().anyMatch(i -> !RunState.QUEUED.equals(i.run().status));
            return started ? RunState.RUNNING : RunState.QUEUED;
        }
        int succeeded = succeeded();
        int cancelled = count(RunState.CANCELED);
        if (succeeded == total) {
            return RunState.SUCCEEDED;
        }
        if (cancelled == total) {
            return RunState.CANCELED;
        }
        return succeeded == 0 ? RunState.FAILED : RunState.PARTIAL_SUCCEEDED;
    }

    Instant startedAt() {
        return items.stream()
                .map(i -> i.run().startedAt)
                .filter(t -> t != null)
                .min(Instant::compareTo)
                .orElse(null);
    }

    Instant completedAt() {
        if (!isTerminal()) {
            return null;
        }
        return items.stream()
                .map(i -> i.run().completedAt)
                .filter(t -> t != null)
                .max(Instant::compareTo)
                .orElse(createdAt);
    }
}
