package io.runflow.testkit.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.FakeRun;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import io.runflow.testkit.Outcome;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.Json;
import io.runflow.testkit.internal.http.Request;
import io.runflow.testkit.internal.http.Response;
import io.runflow.testkit.internal.http.Router;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The control API's routes, each calling one public method of {@link FakeRunflowServer}: what a JUnit
 * test scripts in Java, a Python or Node.js test scripts over HTTP, and both stay in step because
 * this class has no other way in. The README's "control API" section is the reference.
 *
 * <p>No route needs the Bearer key or honours {@code Idempotency-Key}; the server serves them apart
 * from the API (no journal entry, no fault, no request id). Every mutating route answers 200 with
 * {@code "applied"}: the Java call it made, for humans reading a log, not for parsing. Not public API.
 */
public final class ControlApi {

    /** The reserved prefix: every path under it belongs to the control API when it is on. */
    public static final String PREFIX = "/__fake/";

    /** The prefix of version 1, the only version. */
    public static final String V1 = "/__fake/v1";

    private final FakeRunflowServer server;

    private ControlApi(FakeRunflowServer server) {
        this.server = server;
    }

    /**
     * Returns the routes of the control API for a server.
     *
     * @param server the server the routes script and read
     * @return a router without a guard or middleware
     */
    public static Router routes(FakeRunflowServer server) {
        ControlApi api = new ControlApi(server);
        return new Router(request -> {})
                .open("GET", V1 + "/server", api::server)
                .open("POST", V1 + "/reset", api::reset)
                .open("POST", V1 + "/time/advance", api::advance)
                .open("POST", V1 + "/outcomes", api::outcome)
                .open("POST", V1 + "/faults", api::fault)
                .open("GET", V1 + "/runs", r -> ok(ControlJson.items(server.runs(), ControlJson::run)))
                .open("GET", V1 + "/runs/{id}", api::run)
                .open("POST", V1 + "/runs/{id}/release", api::release)
                .open("GET", V1 + "/requests", r -> ok(ControlJson.items(server.requests(), ControlJson::request)))
                .open("GET", V1 + "/deliveries", api::deliveries)
                .open("POST", V1 + "/balance", api::balance)
                .open("POST", V1 + "/callbacks/block", api::blockCallbacks)
                .open(
                        "GET",
                        V1 + "/callback-secrets",
                        r -> ok(ControlJson.items(server.callbackSecrets(), ControlJson::secret)));
    }

    /** {@code GET /server}: where the API is, its key and signing secret, and the server's time. */
    private Response server(Request request) {
        ObjectNode body = Json.object();
        body.put("base_url", server.baseUrl());
        body.put("api_key", server.apiKey());
        String secret;
        try {
            secret = server.webhookSecret();
        } catch (IllegalStateException noneCurrent) {
            secret = null;
        }
        Json.putNullable(body, "webhook_secret", secret);
        body.put("control_url", server.baseUrl() + V1);
        body.set("now", Json.time(server.clock().instant()));
        return ok(body);
    }

    /** {@code POST /reset}, no body: {@link FakeRunflowServer#reset()}. */
    private Response reset(Request request) {
        ControlBody body = ControlBody.parse(request.body(), true);
        body.only(Set.of());
        body.check();
        server.reset();
        return ok(applied("reset()").set("now", Json.time(server.clock().instant())));
    }

    /** {@code POST /time/advance {"duration": 90 | "PT1M30S"}}: {@link FakeRunflowServer#advance(Duration)}. */
    private Response advance(Request request) {
        ControlBody body = ControlBody.parse(request.body(), false);
        body.only(Set.of("duration"));
        Duration duration = body.duration("duration", true);
        body.check();
        server.advance(duration);
        return ok(applied("advance(" + duration + ")")
                .set("now", Json.time(server.clock().instant())));
    }

    /**
     * {@code POST /outcomes {"model": id, "outcome": {..}}} is {@link FakeRunflowServer#onModel}, {@code
     * {"next": true, "outcome": {..}}} is {@link FakeRunflowServer#onNextRun}.
     */
    private Response outcome(Request request) {
        ControlBody body = ControlBody.parse(request.body(), false);
        body.only(Set.of("model", "next", "outcome"));
        String model = body.text("model", false);
        Boolean next = body.bool("next");
        if (next != null && !next) {
            body.reject("next", "must be true when given; script a model's runs with model instead");
        }
        if (body.has("model") == body.has("next")) {
            body.reject("model", "give exactly one of model and next");
        }
        ControlBody outcomeBody = body.object("outcome", true);
        Outcome outcome = outcomeBody == null ? null : Scripts.outcome(outcomeBody);
        body.check();
        if (model != null) {
            server.onModel(model, outcome);
            return ok(applied("onModel(" + model + ", " + outcome + ")"));
        }
        server.onNextRun(outcome);
        return ok(applied("onNextRun(" + outcome + ")"));
    }

    /** {@code POST /faults {"kind": .., ..}}: {@link FakeRunflowServer#inject(Fault)}. */
    private Response fault(Request request) {
        ControlBody body = ControlBody.parse(request.body(), false);
        Fault fault = Scripts.fault(body);
        body.check();
        server.inject(fault);
        return ok(applied("inject(" + fault + ")"));
    }

    /** {@code GET /runs/{id}}: {@link FakeRunflowServer#run(String)}, 404 {@code RUN_NOT_FOUND} when absent. */
    private Response run(Request request) {
        return ok(ControlJson.run(require(request.param("id"))));
    }

    /**
     * {@code POST /runs/{id}/release}, optionally {@code {"outcome": {..}}}: {@link
     * FakeRunflowServer#release(String, Outcome)}, succeed by default; {@code "released": false} when
     * the run was already terminal.
     */
    private Response release(Request request) {
        ControlBody body = ControlBody.parse(request.body(), true);
        body.only(Set.of("outcome"));
        ControlBody outcomeBody = body.object("outcome", false);
        Outcome outcome = outcomeBody == null ? Outcome.succeed() : Scripts.outcome(outcomeBody);
        body.check();
        String id = require(request.param("id")).id();
        boolean released;
        try {
            released = server.release(id, outcome);
        } catch (IllegalArgumentException gone) {
            throw runNotFound(id);
        }
        return ok(applied("release(" + id + ", " + outcome + ")").put("released", released));
    }

    /** {@code POST /balance {"balance": "250.00" | 250}}: {@link FakeRunflowServer#setBalance}. */
    private Response balance(Request request) {
        ControlBody body = ControlBody.parse(request.body(), false);
        body.only(Set.of("balance"));
        BigDecimal balance = body.money("balance", true);
        body.check();
        server.setBalance(balance);
        return ok(applied("setBalance(" + balance.toPlainString() + ")").put("balance", balance.toPlainString()));
    }

    /**
     * {@code POST /callbacks/block {"duration": 120 | "PT2M"}}: {@link
     * FakeRunflowServer#blockCallbacks}; {@code 0} lifts a block. Answers when it ends.
     */
    private Response blockCallbacks(Request request) {
        ControlBody body = ControlBody.parse(request.body(), false);
        body.only(Set.of("duration"));
        Duration duration = body.duration("duration", true);
        body.check();
        Instant until = server.blockCallbacks(duration);
        return ok(applied("blockCallbacks(" + duration + ")").set("blocked_until", Json.time(until)));
    }

    /** {@code GET /deliveries[?run_id=..]}: {@link FakeRunflowServer#deliveries()} or of one run. */
    private Response deliveries(Request request) {
        String runId = request.query().get("run_id");
        return ok(ControlJson.items(
                runId == null ? server.deliveries() : server.deliveries(runId), ControlJson::delivery));
    }

    private FakeRun require(String id) {
        return server.run(id).orElseThrow(() -> runNotFound(id));
    }

    private static ErrorResponseException runNotFound(String id) {
        return ErrorResponseException.notFound("RUN_NOT_FOUND", "no run with id " + id);
    }

    private static Response ok(JsonNode body) {
        return Response.json(200, body);
    }

    /** The start of a mutating route's answer. */
    private static ObjectNode applied(String call) {
        return Json.object().put("applied", call);
    }
}
