package kz.zhedel.platform.tracing;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A W3C trace context ({@code traceparent}, {@code tracestate}) kept as text, for work that continues later on
 * another thread: the outbox row carries the context of the transaction that wrote it, so the record the relay
 * sends continues that trace instead of starting one of its own.
 */
public record TraceParent(String traceparent, String tracestate) {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    /** The context of the current span; both null when there is none (tracing off, or no span). */
    public static TraceParent current() {
        Map<String, String> headers = new HashMap<>();
        W3C.inject(Context.current(), headers, Map::put);
        return new TraceParent(headers.get("traceparent"), headers.get("tracestate"));
    }

    public boolean present() {
        return traceparent != null;
    }

    /** A context whose parent span is this one (the root context when absent). */
    public Context context() {
        Map<String, String> headers = new HashMap<>();
        if (traceparent != null) {
            headers.put("traceparent", traceparent);
        }
        if (tracestate != null) {
            headers.put("tracestate", tracestate);
        }
        return W3C.extract(Context.root(), headers, Headers.INSTANCE);
    }

    private enum Headers implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
