package io.runflow.webhook;

import io.runflow.RunflowClient;
import io.runflow.RunflowObserver;
import io.runflow.RunflowObserver.Scope;
import io.runflow.RunflowObserver.WebhookRequest;
import io.runflow.RunflowObserver.WebhookRequest.Outcome;
import io.runflow.RunflowObserver.WebhookStart;
import io.runflow.RunflowObserver.Work;
import io.runflow.model.JsonValue;
import io.runflow.webhook.WebhookVerificationException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A webhook endpoint without a framework: takes the raw body and the headers of a request Runflow
 * sent to a {@code callback_url}, and answers what Runflow should hear. The Spring and Micronaut
 * modules route their HTTP requests here; with any other server, call {@link #handle} from its POST
 * handler.
 *
 * <pre>{@code
 * WebhookEndpoint endpoint = WebhookEndpoint.builder()
 *         .verifier(WebhookVerifier.builder().secret(System.getenv("RUNFLOW_WEBHOOK_SECRET")).build())
 *         .client(runflow)                       // a verified callback ends runs().await(..) at once
 *         .listener(CallbackListener.runs(run -> orders.rendered(run.runId(), run.output())))
 *         .build();
 * WebhookResponse response = endpoint.handle(rawBody, request::getHeader);
 * }</pre>
 *
 * <p>What {@link #handle} answers, in the order it decides:
 *
 * <table>
 *   <caption>Statuses</caption>
 *   <tr><th>status</th><th>when</th><th>body</th></tr>
 *   <tr><td>413</td><td>the body is over the verifier's {@link WebhookVerifier#maxBodySize()},
 *       decided before it is hashed or parsed</td>
 *       <td>{@code {"outcome":"rejected","reason":"body_too_large"}}</td></tr>
 *   <tr><td>401</td><td>the {@code Runflow-Signature} is missing, malformed or wrong</td>
 *       <td>{@code {"outcome":"rejected","reason":"missing_signature"}}, {@code malformed_signature}
 *       or {@code signature_mismatch}</td></tr>
 *   <tr><td>400</td><td>signed, but not a callback</td>
 *       <td>{@code {"outcome":"rejected","reason":"body_not_a_callback"}}</td></tr>
 *   <tr><td>200</td><td>a verified callback already delivered: the listeners are not called
 *       again</td><td>{@code {"outcome":"duplicate"}}</td></tr>
 *   <tr><td>500</td><td>the de-duplicator failed (for example its database is down)</td>
 *       <td>{@code {"outcome":"failed","reason":"deduplication_failed"}}</td></tr>
 *   <tr><td>500</td><td>a listener threw: the delivery's de-duplication mark is released, so
 *       Runflow's retry (it retries 5xx) is delivered again</td>
 *       <td>{@code {"outcome":"failed","reason":"listener_failed"}}</td></tr>
 *   <tr><td>200</td><td>delivered to every listener</td><td>{@code {"outcome":"delivered"}}</td></tr>
 * </table>
 *
 * <p>With {@link Builder#client(RunflowClient)}, every verified callback, a duplicate too, is offered
 * to that client's waits, which end at once (each wait ends once): a run callback to the {@code
 * runs().await(..)} on its run ({@link RunCallback}), a batch callback ({@link BatchCallback}) to the {@code
 * batches().await(..)} on its batch. Both kinds are verified, de-duplicated and handed to the
 * listeners alike.
 *
 * <p>With an observer, each request is also a {@link RunflowObserver#startWebhook} work, started once
 * the signature is checked; the listeners run inside it. For a verified callback whose run was
 * created with a trace context in its metadata ({@link RunflowClient#TRACE_CONTEXT_METADATA_KEY}),
 * that context is offered to the observer, so the callback continues the create's trace; a request
 * that fails verification offers none.
 *
 * <p>{@link #handle} never throws for anything a request contains. It is thread-safe; listeners run
 * on the calling thread, in the order they were added.
 */
public final class WebhookEndpoint {

    private static final System.Logger LOG = System.getLogger(WebhookEndpoint.class.getName());

    private static final WebhookResponse DELIVERED = new WebhookResponse(200, "{\"outcome\":\"delivered\"}");
    private static final WebhookResponse DUPLICATE = new WebhookResponse(200, "{\"outcome\":\"duplicate\"}");
    private static final WebhookResponse LISTENER_FAILED =
            new WebhookResponse(500, "{\"outcome\":\"failed\",\"reason\":\"listener_failed\"}");
    private static final WebhookResponse DEDUPLICATION_FAILED =
            new WebhookResponse(500, "{\"outcome\":\"failed\",\"reason\":\"deduplication_failed\"}");
    private static final byte[] EMPTY = new byte[0];
    private static final Function<String, String> NO_TRACE_CONTEXT = field -> null;

    private final WebhookVerifier verifier;
    private final CallbackDeduplicator deduplicator;
    private final RunflowClient client;
    private final List<CallbackListener> listeners;
    private final RunflowObserver observer;
    private final boolean transactional;
    private final CallbackRelay relay;

    private WebhookEndpoint(Builder builder) {
        this.verifier = builder.verifier;
        this.deduplicator = builder.deduplicator != null ? builder.deduplicator : InMemoryCallbackDeduplicator.create();
        this.client = builder.client;
        this.listeners = List.copyOf(builder.listeners);
        this.observer = RunflowObserver.failSafe(builder.observer);
        this.transactional = builder.transactional;
        this.relay = builder.relay;
    }

    /**
     * Starts an endpoint configuration.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Answers one request.
     *
     * @param rawBody the request body exactly as received ({@code null} is taken as empty); a body
     *     longer than {@link #maxBodySize()} is answered 413 unread, so an adapter need not read more
     *     than {@code maxBodySize() + 1} bytes
     * @param header returns a request header's value by name, or {@code null} if absent; for
     *     example {@code request::getHeader}
     * @return the status and body to answer
     */
    public WebhookResponse handle(byte[] rawBody, Function<String, String> header) {
        Objects.requireNonNull(header, "header");
        long start = System.nanoTime();
        Callback callback;
        try {
            callback = verifier.verify(rawBody == null ? EMPTY : rawBody, header);
        } catch (WebhookVerificationException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Runflow callback rejected: " + e.getMessage());
            return observed(rejection(e.reason()), outcomeOf(e.reason()), start, started(WebhookStart.Kind.NONE, null));
        }
        // Started only now that the signature verified: a forged body's trace context joins no trace.
        Work<WebhookRequest> work = started(kind(callback), callback.metadata());
        Scope scope = work == null ? Scope.NONE : work.makeCurrent();
        WebhookResponse response;
        try {
            if (client != null) {
                if (callback instanceof RunCallback run) {
                    client.callbacks().accept(run.toRun());
                } else if (callback instanceof BatchCallback batch) {
                    client.callbacks().acceptBatch(batch.toBatch());
                }
            }
            response = deliver(callback, start);
        } finally {
            scope.close();
        }
        // Ended once its scope is closed, as Micrometer's observations expect.
        observed(response, outcomeOf(response), start, work);
        if (relay != null && response.status() == 200) {
            relay.relay(callback, rawBody, WebhookVerifier.header(header, WebhookVerifier.SIGNATURE_HEADER));
        }
        return response;
    }

    /**
     * Hands a callback that did not come through {@link #handle} (a {@link CallbackSource#RECONCILED}
     * one, built from the run as the API reports it) to the listeners through the same
     * de-duplication, so that it reaches them once whichever way came first.
     *
     * @param callback the callback
     * @return what {@link #handle} would answer for it: 200 delivered or duplicate, 500 failed
     */
    public WebhookResponse deliver(Callback callback) {
        Objects.requireNonNull(callback, "callback");
        long start = System.nanoTime();
        Work<WebhookRequest> work = started(kind(callback), callback.metadata());
        Scope scope = work == null ? Scope.NONE : work.makeCurrent();
        WebhookResponse response;
        try {
            response = deliver(callback, start);
        } finally {
            scope.close();
        }
        return observed(response, outcomeOf(response), start, work);
    }

    private WebhookResponse deliver(Callback callback, long start) {
        if (transactional && deduplicator instanceof TransactionalCallbackDeduplicator inTransaction) {
            return deliverInTransaction(inTransaction, callback, start);
        }
        boolean first;
        try {
            first = deduplicator.firstDelivery(callback);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Runflow callback " + callback + " not delivered: the de-duplicator failed; answered 500,"
                            + " so Runflow retries",
                    e);
            // The store may have kept the mark before failing (a commit whose reply was lost): drop it,
            // or Runflow's retry would be taken for a duplicate of a callback nobody handled.
            release(callback);
            return answer(DEDUPLICATION_FAILED, Outcome.FAILED, start);
        }
        if (!first) {
            return answer(DUPLICATE, Outcome.DUPLICATE, start);
        }
        for (CallbackListener listener : listeners) {
            try {
                listener.onCallback(callback);
            } catch (RuntimeException | Error e) {
                release(callback);
                if (e instanceof VirtualMachineError) {
                    throw (VirtualMachineError) e;
                }
                LOG.log(
                        System.Logger.Level.WARNING,
                        "Runflow callback listener failed for " + callback + "; answered 500, so Runflow retries",
                        e);
                return answer(LISTENER_FAILED, Outcome.FAILED, start);
            }
        }
        return answer(DELIVERED, Outcome.DELIVERED, start);
    }

    private WebhookResponse deliverInTransaction(
            TransactionalCallbackDeduplicator inTransaction, Callback callback, long start) {
        boolean first;
        try {
            first = inTransaction.deliverOnce(callback, this::runListeners);
        } catch (ListenerFailure e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Runflow callback listener failed for " + callback + "; rolled back and answered 500, so"
                            + " Runflow retries",
                    e.getCause());
            return answer(LISTENER_FAILED, Outcome.FAILED, start);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Runflow callback " + callback + " not delivered: the de-duplicator failed; answered 500,"
                            + " so Runflow retries",
                    e);
            return answer(DEDUPLICATION_FAILED, Outcome.FAILED, start);
        }
        return first ? answer(DELIVERED, Outcome.DELIVERED, start) : answer(DUPLICATE, Outcome.DUPLICATE, start);
    }

    /** Every listener in turn; a failure is wrapped, so that it is told apart from the store's. */
    private void runListeners(Callback callback) {
        for (CallbackListener listener : listeners) {
            try {
                listener.onCallback(callback);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError) {
                    throw (VirtualMachineError) e;
                }
                throw new ListenerFailure(e);
            }
        }
    }

    /** A listener's failure on its way through a transactional de-duplicator, which rolls back. */
    private static final class ListenerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ListenerFailure(Throwable cause) {
            super(cause);
        }
    }

    /**
     * Answers a request whose declared {@code Content-Length} is over {@link #maxBodySize()} without
     * reading its body: 413, as {@link #handle} would answer, and reported to the observer alike.
     *
     * @return the 413 answer
     */
    public WebhookResponse tooLarge() {
        long start = System.nanoTime();
        return observed(
                rejection(Reason.BODY_TOO_LARGE), Outcome.TOO_LARGE, start, started(WebhookStart.Kind.NONE, null));
    }

    /**
     * Returns the largest body accepted, the verifier's limit.
     *
     * @return the limit in bytes
     */
    public long maxBodySize() {
        return verifier.maxBodySize();
    }

    private void release(Callback callback) {
        try {
            deduplicator.release(callback);
        } catch (RuntimeException e) {
            // The retry will be taken for a duplicate: say so, since the callback is then lost here.
            LOG.log(
                    System.Logger.Level.ERROR,
                    "Runflow callback " + callback + " could not be released after its listener failed;"
                            + " Runflow's retry will be taken for a duplicate",
                    e);
        }
    }

    /**
     * The one place each answer of the delivery passes; the entry points ({@link #handle}, {@link
     * #deliver(Callback)}, {@link #tooLarge()}) report it to the request's work, once that work's scope
     * is closed.
     */
    private static WebhookResponse answer(WebhookResponse response, Outcome outcome, long start) {
        return response;
    }

    /**
     * Starts the request's work; {@code null} with the no-op observer, so nothing is allocated.
     *
     * @param metadata the verified callback's metadata, whose reserved key holds the trace context
     *     its run's create stored; {@code null} for a rejected request
     */
    private Work<WebhookRequest> started(WebhookStart.Kind kind, JsonValue metadata) {
        return observer == RunflowObserver.noop()
                ? null
                : observer.startWebhook(new WebhookStart(kind, traceContext(metadata)));
    }

    private static WebhookStart.Kind kind(Callback callback) {
        return callback instanceof RunCallback ? WebhookStart.Kind.RUN : WebhookStart.Kind.BATCH;
    }

    /**
     * Reads the trace context a run's create stored in its metadata: string fields of bounded length
     * only (a {@code traceparent} is 55 characters, a {@code tracestate} at most 512).
     */
    private static Function<String, String> traceContext(JsonValue metadata) {
        if (!(metadata instanceof JsonValue.JsonObject object)
                || !(object.members().get(RunflowClient.TRACE_CONTEXT_METADATA_KEY)
                        instanceof JsonValue.JsonObject context)) {
            return NO_TRACE_CONTEXT;
        }
        return field -> context.members().get(field) instanceof JsonValue.JsonString text
                        && text.value().length() <= 1024
                ? text.value()
                : null;
    }

    /** Ends the request's work with the answer, if there is a work. */
    private static WebhookResponse observed(
            WebhookResponse response, Outcome outcome, long start, Work<WebhookRequest> work) {
        if (work != null) {
            work.end(new WebhookRequest(outcome, response.status(), Duration.ofNanos(System.nanoTime() - start)));
        }
        return response;
    }

    private static Outcome outcomeOf(WebhookResponse response) {
        if (response == DELIVERED) {
            return Outcome.DELIVERED;
        }
        return response == DUPLICATE ? Outcome.DUPLICATE : Outcome.FAILED;
    }

    private static WebhookResponse rejection(Reason reason) {
        return new WebhookResponse(
                reason.httpStatus(),
                "{\"outcome\":\"rejected\",\"reason\":\"" + reason.name().toLowerCase(Locale.ROOT) + "\"}");
    }

    private static Outcome outcomeOf(Reason reason) {
        switch (reason) {
            case BODY_TOO_LARGE:
                return Outcome.TOO_LARGE;
            case BODY_NOT_A_CALLBACK:
                return Outcome.NOT_A_CALLBACK;
            default:
                return Outcome.UNAUTHORIZED;
        }
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[verifier=" + verifier + ", deduplicator=" + deduplicator + ", listeners="
                + listeners.size() + ", client=" + (client != null) + "]";
    }

    /** Configures a {@link WebhookEndpoint}. */
    public static final class Builder {
        private WebhookVerifier verifier;
        private CallbackDeduplicator deduplicator;
        private RunflowClient client;
        private final List<CallbackListener> listeners = new ArrayList<>();
        private RunflowObserver observer = RunflowObserver.noop();
        private boolean transactional = true;
        private CallbackRelay relay;

        private Builder() {}

        /**
         * Sets the verifier that checks each request's signature (required).
         *
         * @param verifier the verifier, with the organization's callback secrets
         * @return this builder
         */
        public Builder verifier(WebhookVerifier verifier) {
            this.verifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * Sets what tells first deliveries from repeats. Behind a load balancer, share it between the
         * instances ({@link JdbcCallbackDeduplicator}).
         *
         * @param deduplicator the de-duplicator; default a new {@link InMemoryCallbackDeduplicator}
         *     with its defaults
         * @return this builder
         */
        public Builder deduplicator(CallbackDeduplicator deduplicator) {
            this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
            return this;
        }

        /**
         * Sets the client whose waits each verified callback ends at once ({@code runs().await(..)},
         * {@code run(..)} for run callbacks; {@code batches().await(..)}, {@code batches().run(..)} for
         * batch callbacks), so polling is only the fallback. The endpoint does not close it.
         *
         * @param client the application's client; default none
         * @return this builder
         */
        public Builder client(RunflowClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Adds a listener; each verified callback reaches every listener once, in the order added.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(CallbackListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets who hears each request's outcome, for metrics. An observer that throws is logged and
         * ignored.
         *
         * @param observer the observer; default {@link RunflowObserver#noop()}
         * @return this builder
         */
        public Builder observer(RunflowObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * Sets whether a {@link TransactionalCallbackDeduplicator} (such as {@link
         * JdbcCallbackDeduplicator}) writes each mark in one transaction with the listeners, so
         * that a listener that throws or a process that dies leaves no mark and the callback is
         * delivered again. Off, marks are written first and released when a listener throws (a
         * crash between the two loses the callback). Other de-duplicators are always used that way.
         *
         * @param transactional default true; each delivery then holds a connection while its
         *     listeners run
         * @return this builder
         */
        public Builder transactional(boolean transactional) {
            this.transactional = transactional;
            return this;
        }

        /**
         * Sets who passes each verified callback (answered 200) on to the other instances, so that
         * their waits end at once ({@link PostgresWakeUp}).
         *
         * @param relay the relay; default none
         * @return this builder
         */
        public Builder relay(CallbackRelay relay) {
            this.relay = Objects.requireNonNull(relay, "relay");
            return this;
        }

        /**
         * Builds the endpoint.
         *
         * @return the endpoint
         * @throws IllegalStateException if no verifier is set
         */
        public WebhookEndpoint build() {
            if (verifier == null) {
                throw new IllegalStateException("verifier is required: call WebhookEndpoint.builder().verifier(..)");
            }
            return new WebhookEndpoint(this);
        }
    }
}
