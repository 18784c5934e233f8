package kz.zhedel.e2e;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

import kz.zhedel.testing.Loopback;

/**
 * An OpenTelemetry collector standing in for the ops team's: it takes OTLP/HTTP (protobuf) at {@code /v1/traces}
 * and keeps every span the stack's services export.
 */
public final class TraceReceiver implements AutoCloseable {

    /** One exported span, its ids in hex, its attributes as text. */
    public record Span(String service, String traceId, String spanId, String parentSpanId, String name,
            io.opentelemetry.proto.trace.v1.Span.SpanKind kind, Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    public TraceReceiver() {
        server = Loopback.serve("/v1/traces", exchange -> {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(exchange.getRequestBody());
            request.getResourceSpansList().forEach(this::keep);
            // the answer is an empty ExportTraceServiceResponse: zero bytes on the wire
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
    }

    /** The base URL the services' OTLP exporter is pointed at. */
    public String endpoint() {
        return Loopback.url(server);
    }

    public List<Span> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    public List<Span> all() {
        return List.copyOf(spans);
    }

    private void keep(ResourceSpans resourceSpans) {
        String service = text(resourceSpans.getResource().getAttributesList()).get("service.name");
        for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
            for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                spans.add(new Span(service, hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
                        hex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind(),
                        text(span.getAttributesList())));
            }
        }
    }

    private static Map<String, String> text(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().hasStringValue()
                ? kv.getValue().getStringValue() : kv.getValue().toString().trim(), (a, b) -> b));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
