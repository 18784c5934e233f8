package kz.zhedel.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public contract end to end: report → dispatch → pages by webhook and e-mail (SMTP) → acknowledgement through
 * the link in the e-mail → timeline → statistics.
 */
class IncidentFlowIT extends OnePager {

    private static final Set<String> PAGE_FIELDS = Set.of("pageId", "incidentId", "assignmentId", "category",
            "severity", "district", "ackUrl");

    @Test
    void reportedIncidentIsPagedAcknowledgedAndCounted() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String mailbox = "dana-" + UUID.randomUUID() + "@psc.example";
        // the webhook at once, and the e-mail as a timed step at once too (a backup would only follow a failure)
        api.onShift("Dana Psychologist", "PSYCHOLOGIST", "YESIL", List.of(
                Map.of("channel", "WEBHOOK", "address", pager.url()),
                Map.of("channel", "EMAIL", "address", mailbox, "delay", "PT0S")));

        String incidentId = api.report("BULLYING", "P3", "YESIL");

        await().atMost(Duration.ofSeconds(30)).until(() -> pager.pagesFor(incidentId).size() == 1);
        JsonNode page = pager.pagesFor(incidentId).get(0);
        Set<String> fields = new java.util.HashSet<>();
        page.fieldNames().forEachRemaining(fields::add);
        assertEquals(PAGE_FIELDS, fields, "a page carries exactly the documented fields");
        assertEquals("BULLYING", page.get("category").asText());
        assertEquals("YESIL", page.get("district").asText());
        for (String body : pager.bodies()) {
            for (String secret : List.of(Api.CHILD_FIRST, Api.CHILD_LAST, Api.REPORTER, Api.PHONE, Api.SUMMARY)) {
                assertFalse(body.contains(secret), "a page must not carry " + secret);
            }
        }

        for (String request : pager.signed()) {
            String[] signedAndSignature = request.split("\n");
            assertEquals("sha256=" + hmac(signedAndSignature[0]), signedAndSignature[1], "signed webhook");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(mailbox) != null);
        String mail = mailTo(mailbox);
        assertTrue(mail.contains(incidentId), mail);
        for (String secret : List.of(Api.CHILD_FIRST, Api.CHILD_LAST, Api.REPORTER, Api.PHONE, Api.SUMMARY)) {
            assertFalse(mail.contains(secret), "an e-mail page must not carry " + secret);
        }
        Matcher link = Pattern.compile("http://\\S+/ack/\\S+").matcher(mail);
        assertTrue(link.find(), mail);
        assertEquals(page.get("ackUrl").asText(), link.group(), "the same link in every channel");

        // dispatch's and notification's events reach intake on two topics, in either order; the timeline is by time
        await().atMost(Duration.ofSeconds(30)).until(() -> api.incident(incidentId).getList("timeline.status")
                .containsAll(List.of("DISPATCHED", "PAGED")));
        assertEquals(List.of("RECEIVED", "DISPATCHED", "PAGED"),
                api.incident(incidentId).getList("timeline.status"));

        api.acknowledge(link.group());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ACKNOWLEDGED".equals(api.incident(incidentId).getString("status")));
        assertTrue(api.incident(incidentId).getList("timeline.status").contains("ACKNOWLEDGED"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.summarySince(start).getInt("acknowledged") == 1);
        var summary = api.summarySince(start);
        assertEquals(1, summary.getInt("incidents"));
        assertEquals(1, summary.getInt("assigned"));
        assertEquals(1, summary.getInt("byCategory.BULLYING"));
        assertEquals(1, summary.getInt("byDistrict.YESIL"));
        assertTrue(summary.getLong("responseTimes.P3.acknowledgement.p50") >= 0);

        // The link is single use: a second press changes nothing.
        given().accept("application/json").post(page.get("ackUrl").asText()).then().statusCode(409);
        assertEquals(1, pager.pagesFor(incidentId).size(), "paged exactly once");
    }

    /** The plain text of the page e-mail to {@code address}, or null while none has arrived. */
    private static String mailTo(String address) throws Exception {
        for (MimeMessage message : stack.mail().getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                return message.getSubject() + "\n" + message.getContent();
            }
        }
        return null;
    }

    /** The launcher's dev webhook secret, which the stack runs with. */
    private static String hmac(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("zhedel-dev-webhook-secret-change-me".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void servicesExposeHealthMetricsAndOpenApi() {
        for (String service : List.of(stack.intake(), stack.dispatch(), stack.notification(), stack.reporting())) {
            given().get(service + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().get(service + "/q/metrics").then().statusCode(200);
            given().get(service + "/q/openapi").then().statusCode(200);
        }
    }

    @Test
    void partnerWithoutKeyGetsAProblem() {
        given().contentType("application/json").body("{}").post(stack.intake() + "/api/v1/incidents")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }
}
