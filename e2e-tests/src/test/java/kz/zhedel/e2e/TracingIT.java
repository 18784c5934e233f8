package kz.zhedel.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import kz.zhedel.e2e.TraceReceiver.Span;

/**
 * Observability end to end: one incident is one trace across intake, dispatch and notification, carried through
 * each service's outbox and Kafka; the packaged services log JSON lines that carry the trace id; neither spans nor
 * logs carry the child's data or an acknowledgement link's token.
 */
class TracingIT extends OnePager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PERSONAL = List.of(Api.CHILD_FIRST, Api.CHILD_LAST, Api.REPORTER, Api.PHONE,
            Api.SUMMARY);

    @Test
    void oneIncidentIsOneTraceFromTheReportThroughDispatchToThePageAndItsAcknowledgement() throws IOException {
        api.onShift("Traced Psychologist", "PSYCHOLOGIST", "SARYARKA",
                List.of(Map.of("channel", "WEBHOOK", "address", pager.url())));
        String traceId = hex(16);
        String partnerSpan = hex(8);

        String incidentId = api.report("BULLYING", "P3", "SARYARKA", "00-" + traceId + "-" + partnerSpan + "-01");

        await().atMost(Duration.ofSeconds(30)).until(() -> pager.pagesFor(incidentId).size() == 1);
        // the responder answers through the link: a request of its own, later, without the partner's traceparent
        api.acknowledge(pager.pagesFor(incidentId).get(0).path("ackUrl").asText());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Span> trace = stack.traces().trace(traceId);
            // the partner's request, the hops through each outbox and Kafka, each consumer
            assertHop(trace, "intake-service", SpanKind.SPAN_KIND_SERVER, null);
            assertHop(trace, "intake-service", SpanKind.SPAN_KIND_PRODUCER, "zhedel.incidents.v1");
            assertHop(trace, "dispatch-service", SpanKind.SPAN_KIND_CONSUMER, "zhedel.incidents.v1");
            assertHop(trace, "dispatch-service", SpanKind.SPAN_KIND_PRODUCER, "zhedel.dispatch.v1");
            assertHop(trace, "notification-service", SpanKind.SPAN_KIND_CONSUMER, "zhedel.dispatch.v1");
            // the delivery worker sends the page in the incident's trace, and the answer through the link joins it
            assertTrue(trace.stream().anyMatch(s -> "deliver page".equals(s.name())), "no delivery span: " + trace);
            assertTrue(trace.stream().anyMatch(s -> "page answered".equals(s.name())), "no answer span: " + trace);
            assertHop(trace, "notification-service", SpanKind.SPAN_KIND_PRODUCER, "zhedel.notifications.v1");
            assertHop(trace, "dispatch-service", SpanKind.SPAN_KIND_CONSUMER, "zhedel.notifications.v1");
            // each service exports its spans in its own batches: a consumer's span may come before its producer's
            Set<String> ids = trace.stream().map(Span::spanId).collect(Collectors.toSet());
            ids.add(partnerSpan);
            for (Span span : trace) {
                assertTrue(ids.contains(span.parentSpanId()), "every span hangs in the one tree: " + span);
            }
        });
        List<Span> trace = stack.traces().trace(traceId);
        Span post = trace.stream().filter(s -> s.kind() == SpanKind.SPAN_KIND_SERVER).findFirst().orElseThrow();
        assertEquals(partnerSpan, post.parentSpanId(), "intake continues the partner's trace");

        // the packaged services log JSON, with the trace id of the work a line belongs to
        JsonNode assigned = logLine("dispatch", line -> traceId.equals(line.path("mdc").path("traceId").asText()))
                .orElseThrow(() -> new AssertionError("no dispatch log line of trace " + traceId));
        assertTrue(assigned.path("message").asText().contains(incidentId), assigned.toString());
        assertFalse(assigned.path("mdc").path("spanId").asText().isEmpty(), assigned.toString());
    }

    @Test
    void spansAndLogsCarryNoChildDataNorAnAcknowledgementToken() throws IOException {
        api.onShift("Traced Psychologist", "PSYCHOLOGIST", "ALMATY",
                List.of(Map.of("channel", "WEBHOOK", "address", pager.url())));
        String incidentId = api.report("NEGLECT", "P3", "ALMATY");
        await().atMost(Duration.ofSeconds(30)).until(() -> pager.pagesFor(incidentId).size() == 1);
        String ackUrl = pager.pagesFor(incidentId).get(0).get("ackUrl").asText();
        String token = ackUrl.substring(ackUrl.lastIndexOf('/') + 1);
        api.acknowledge(ackUrl);

        await().atMost(Duration.ofSeconds(30)).until(() -> stack.traces().all().stream()
                .anyMatch(s -> "notification-service".equals(s.service()) && s.kind() == SpanKind.SPAN_KIND_SERVER
                        && s.attributes().getOrDefault("url.path", "").startsWith("/ack/")));
        for (Span span : stack.traces().all()) {
            String attributes = span.attributes().toString() + span.name();
            assertFalse(attributes.contains(token), "a span carries an acknowledgement token: " + span);
            PERSONAL.forEach(secret -> assertFalse(attributes.contains(secret), "a span carries " + secret));
        }
        for (String service : List.of("intake", "dispatch", "notification", "reporting")) {
            String log = Files.readString(stack.log(service));
            PERSONAL.forEach(secret -> assertFalse(log.contains(secret), service + "'s log carries " + secret));
            assertFalse(log.contains(token), service + "'s log carries an acknowledgement token");
        }
    }

    private static void assertHop(List<Span> trace, String service, SpanKind kind, String topic) {
        assertTrue(trace.stream().anyMatch(span -> service.equals(span.service()) && span.kind() == kind
                && (topic == null || topic.equals(span.attributes().get("messaging.destination.name")))),
                "no " + kind + " span of " + service + (topic == null ? "" : " on " + topic) + " in " + trace);
    }

    /** The first JSON line of a service's log that matches; lines before the JSON (the launcher's) are skipped. */
    private static Optional<JsonNode> logLine(String service, java.util.function.Predicate<JsonNode> match)
            throws IOException {
        for (String line : Files.readAllLines(stack.log(service))) {
            if (line.startsWith("{")) {
                JsonNode json = JSON.readTree(line);
                if (match.test(json)) {
                    return Optional.of(json);
                }
            }
        }
        return Optional.empty();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
