package io.runflow.feign;

import feign.Client;
import feign.Contract;
import feign.ExceptionPropagationPolicy;
import feign.InvocationHandlerFactory;
import feign.Logger;
import feign.MethodMetadata;
import feign.Request;
import feign.ResponseHandler;
import feign.Retryer;
import feign.Target;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link InvocationHandlerFactory} of the SDK's Feign proxy: the endpoints {@link
 * DirectMethodHandler} can build requests for are called through it, every other method (and {@code
 * equals}, {@code hashCode}, {@code toString}) through the handler Feign's own factory makes. {@link
 * RunflowFeignBuilder} installs it only when nothing it bypasses is in use (request or method
 * interceptors, another contract, encoder or target).
 */
final class DirectCalls implements InvocationHandlerFactory {

    /** What Feign's {@code SynchronousMethodHandler} would use after every capability has had its say. */
    static final class Parts {
        final Client client;
        final Retryer retryer;
        final RedactingLogger logger;
        final Logger.Level logLevel;
        final Request.Options options;
        final ResponseHandler responseHandler;
        final ExceptionPropagationPolicy propagationPolicy;

        Parts(
                Client client,
                Retryer retryer,
                RedactingLogger logger,
                Logger.Level logLevel,
                Request.Options options,
                ResponseHandler responseHandler,
                ExceptionPropagationPolicy propagationPolicy) {
            this.client = client;
            this.retryer = retryer;
            this.logger = logger;
            this.logLevel = logLevel;
            this.options = options;
            this.responseHandler = responseHandler;
            this.propagationPolicy = propagationPolicy;
        }
    }

    private final InvocationHandlerFactory feign;
    private final Contract contract;
    private final RunflowEncoder encoder;
    private final Parts parts;

    DirectCalls(InvocationHandlerFactory feign, Contract contract, RunflowEncoder encoder, Parts parts) {
        this.feign = feign;
        this.contract = contract;
        this.encoder = encoder;
        this.parts = parts;
    }

    @Override
    @SuppressWarnings("rawtypes") // Feign's signature
    public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
        InvocationHandler fallback = feign.create(target, dispatch);
        if (!(target instanceof RunflowTarget) || ((RunflowTarget<?>) target).base() == null) {
            return fallback;
        }
        RunflowTarget<?> runflow = (RunflowTarget<?>) target;
        // Parsed once more (Feign keeps its metadata to itself), once per client, on its first call.
        Map<Method, MethodMetadata> metadata = new HashMap<>();
        for (MethodMetadata md : contract.parseAndValidateMetadata(target.type())) {
            metadata.put(md.method(), md);
        }
        Map<Method, MethodHandler> direct = new HashMap<>();
        dispatch.forEach((method, handler) -> {
            MethodMetadata md = metadata.get(method);
            DirectMethodHandler fast = md == null
                    ? null
                    : DirectMethodHandler.of(handler, md, runflow.base(), runflow.headers(), encoder, parts);
            if (fast != null) {
                direct.put(method, fast);
            }
        });
        if (direct.isEmpty()) {
            return fallback;
        }
        return (proxy, method, args) -> {
            MethodHandler handler = direct.get(method);
            return handler != null ? handler.invoke(args) : fallback.invoke(proxy, method, args);
        };
    }
}
