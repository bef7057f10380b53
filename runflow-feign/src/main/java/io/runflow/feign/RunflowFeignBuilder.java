package io.runflow.feign;

import feign.Client;
import feign.DefaultContract;
import feign.Feign;
import feign.InvocationHandlerFactory;
import feign.Request;
import feign.ResponseHandler;

/**
 * The Feign builder {@link RunflowFeign} hands to a {@link FeignCustomizer}: Feign's own, which at
 * {@code build()} installs {@link DirectCalls} (Feign's per-call templates bypassed) when nothing
 * that bypass would skip is in use: no request or method interceptors, the SDK's encoder and
 * request options and logger, Feign's default contract and invocation handler factory. Otherwise it builds what
 * Feign builds.
 *
 * <p>Feign enriches every field of the builder with the capabilities before {@link #internalBuild},
 * reflectively, this class's included (so its fields are in the native-image reflection metadata):
 * {@link #sdkClient} gets the same client wrappers (per-call options, observation, a customizer's
 * capability) that Feign's own client field gets, and a capability that replaces the encoder, the
 * options or the invocation handler factory makes the copies here differ from Feign's, which sends
 * the calls Feign's way.
 */
final class RunflowFeignBuilder extends Feign.Builder {

    /** The client as set, enriched by the capabilities like Feign's own (private) copy of it. */
    private Client sdkClient;

    private final RunflowEncoder sdkEncoder;
    private final Request.Options sdkOptions;
    private final InvocationHandlerFactory feignHandlers;

    RunflowFeignBuilder(RunflowEncoder encoder, Request.Options options) {
        this.sdkEncoder = encoder;
        this.sdkOptions = options;
        this.feignHandlers = invocationHandlerFactory;
        encoder(encoder);
        options(options);
    }

    @Override
    public RunflowFeignBuilder client(Client client) {
        super.client(client);
        this.sdkClient = client;
        return this;
    }

    @Override
    public Feign internalBuild() {
        if (sdkClient != null
                && requestInterceptors.isEmpty()
                && methodInterceptors.isEmpty()
                && logger instanceof RedactingLogger
                && encoder == sdkEncoder
                && options == sdkOptions
                && invocationHandlerFactory == feignHandlers
                && (contract.getClass() == DefaultContract.class)) {
            ResponseHandler responses = new ResponseHandler(
                    logLevel,
                    logger,
                    decoder,
                    errorDecoder,
                    dismiss404,
                    closeAfterDecode,
                    decodeVoid,
                    responseInterceptorChain());
            DirectCalls.Parts parts = new DirectCalls.Parts(
                    sdkClient, retryer, (RedactingLogger) logger, logLevel, options, responses, propagationPolicy);
            invocationHandlerFactory = new DirectCalls(feignHandlers, contract, sdkEncoder, parts);
            try {
                return super.internalBuild();
            } finally {
                invocationHandlerFactory = feignHandlers;
            }
        }
        return super.internalBuild();
    }
}
