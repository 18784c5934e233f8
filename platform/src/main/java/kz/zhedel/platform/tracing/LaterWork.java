package kz.zhedel.platform.tracing;

import java.util.function.Supplier;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Work that belongs to an incident's trace but runs later, outside the request or record that started it (a page
 * sent by the delivery worker, a page answered through its link): it runs in a span of its own whose parent is the
 * kept {@link TraceParent}, so what it writes to the outbox continues the incident's trace. Without a kept context
 * (tracing off, or a row from before) it simply runs.
 */
@ApplicationScoped
public class LaterWork {

    @Inject
    Tracer tracer;

    public <T> T inTrace(TraceParent parent, String name, Supplier<T> work) {
        if (parent == null || !parent.present()) {
            return work.get();
        }
        Span span = tracer.spanBuilder(name).setParent(parent.context()).setSpanKind(SpanKind.INTERNAL).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }

    public void inTrace(TraceParent parent, String name, Runnable work) {
        inTrace(parent, name, () -> {
            work.run();
            return null;
        });
    }
}
