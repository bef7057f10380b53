package io.runflow.examples.readme;

import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Asset;
import io.runflow.model.Balance;
import io.runflow.model.Batch;
import io.runflow.model.BatchInput;
import io.runflow.model.BatchItem;
import io.runflow.model.BatchRequest;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The README's examples of the services beyond runs, compiled by the build and run by its test. */
final class ApiSurfaceExample {

    private ApiSurfaceExample() {}

    static Batch batch(RunflowClient runflow, String callbackUrl) {
        // snippet:start batches
        Batch batch = runflow.batches()
                .run(BatchRequest.of(
                                FluxProUltra.MODEL,
                                List.of(
                                        BatchInput.of(FluxProUltra.input("a red chair, studio light"))
                                                .withClientRef("sku-01"),
                                        BatchInput.of(FluxProUltra.input("a blue chair, studio light"))
                                                .withClientRef("sku-02")))
                        .withCallbackUrl(callbackUrl)); // its one callback ends the wait, else polling does

        System.out.println(batch.status() + ": " + batch.itemsSucceeded() + " of " + batch.itemsTotal());
        for (BatchItem item : runflow.batches().items(batch.id())) { // full items, auto-paged
            System.out.println(
                    item.clientRef() + " " + item.status() + " " + item.run().output());
        }
        // snippet:end batches
        return batch;
    }

    static Run asset(RunflowClient runflow, Path photo) {
        // snippet:start assets
        Asset asset = runflow.assets().upload(photo); // presign, PUT without credentials, confirm; <= 50 MiB
        Run run = runflow.runs()
                .run(RunRequest.of(
                        "runflow/object-removal/prompt",
                        Map.of("image_url", asset.url(), "prompt", "the price tag"))); // or asset.ref()
        // snippet:end assets
        return run;
    }

    static Balance account(RunflowClient runflow, String failedRunId) {
        // snippet:start account
        Balance balance = runflow.account().balance(); // exact BigDecimal dollars
        if (balance.balance().compareTo(new BigDecimal("6.00")) < 0) { // 100 images at $0.06
            throw new IllegalStateException("top up first: " + balance.balance());
        }
        runflow.account().updateLowBalanceThreshold(new BigDecimal("20.00"));

        runflow.runs().logs(failedRunId).forEach(log -> System.out.println(log.level() + " " + log.message()));
        // snippet:end account
        return balance;
    }
}
