package kz.zhedel.dispatch;

import static kz.zhedel.dispatch.Dispatching.recorded;
import static kz.zhedel.dispatch.Dispatching.reported;
import static kz.zhedel.dispatch.Ops.contact;
import static kz.zhedel.dispatch.Ops.ops;
import static kz.zhedel.dispatch.Ops.responder;
import static kz.zhedel.testing.Kafka.eventually;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.District;
import kz.zhedel.events.EventType;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentLinksChanged;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.MovableClock;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TopicLog;

/** Incidents reported on Kafka are dispatched to the right psychologist, exactly once, or visibly not at all. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class DispatchTest {

    private static final Duration HALF_SHIFT = Duration.ofHours(4);

    static final TopicLog dispatch = Kafka.topic(Topics.DISPATCH);
    static final TopicLog deadLetters = Kafka.topic("zhedel.dispatch.dlq");

    @Inject
    MovableClock clock;



    static UUID onShift(UUID responder, Instant now) {
        Ops.shift(responder, now.minus(HALF_SHIFT), now.plus(HALF_SHIFT));
        return responder;
    }

    @Test
    void theOnShiftPsychologistOfTheDistrictIsPagedThroughTheirContacts() throws Exception {
        Instant now = clock.travelTo(Instant.parse("2041-01-01T10:00:00Z"));
        onShift(Ops.enrol("psy-almaty", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.ALMATY), now);
        UUID chosen = onShift(Ops.enrol(responder("psy-baikonur", ResponderRole.PSYCHOLOGIST,
                List.of(District.YESIL, District.BAIKONUR), List.of("ru", "kk"),
                List.of(contact("WEBHOOK", "https://psc.example/pager/b"), contact("TELEGRAM", "@psy_b", "PT1M")))), now);
        UUID offShift = Ops.enrol("psy-off-shift", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.BAIKONUR);
        Ops.shift(offShift, now.minus(Duration.ofHours(9)), now.minusSeconds(60));
        Ops.shift(offShift, now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(9)));
        onShift(Ops.enrol("inspector-baikonur", ResponderRole.JUVENILE_INSPECTOR, List.of("kk"),
                District.BAIKONUR), now);

        IncidentReported report = reported(now, District.BAIKONUR, Language.KK);
        Kafka.send(report);

        IncidentDispatched dispatched = dispatch.awaitOnly(report.incidentId(), IncidentDispatched.class);
        assertEquals(chosen, dispatched.responderId());
        assertEquals(ResponderRole.PSYCHOLOGIST, dispatched.role());
        assertThat(dispatched.reason(), equalTo("on shift, covers BAIKONUR, speaks kk, 0 open"));

        PageRequested page = dispatch.awaitOnly(report.incidentId(), PageRequested.class);
        assertEquals(chosen, page.responderId());
        assertEquals(dispatched.assignmentId(), page.assignmentId());
        assertEquals(List.of(new Contact(Channel.WEBHOOK, "https://psc.example/pager/b"),
                new Contact(Channel.TELEGRAM, "@psy_b", Duration.ofMinutes(1))), page.contacts());
        assertEquals(Language.KK, page.language(), "the child's language, which the responder speaks");
        assertEquals(Language.RU, page.responderLanguage(), "the responder's first language, for the texts");
        assertEquals(report.category(), page.category());
        assertEquals(report.severity(), page.severity());
        assertEquals(District.BAIKONUR, page.district());
        assertOnlyContractFieldsAndNoSchool(dispatch.records(report.incidentId()), report);

        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("assignments", hasSize(1))
                .body("assignments[0].id", equalTo(dispatched.assignmentId().toString()))
                .body("assignments[0].responderId", equalTo(chosen.toString()))
                .body("assignments[0].role", equalTo("PSYCHOLOGIST"))
                .body("assignments[0].status", equalTo("ASSIGNED"))
                .body("assignments[0].reason", equalTo(dispatched.reason()))
                .body("assignments[0].pageStatus", equalTo("REQUESTED"));
    }

    /** Need to know: a page names the incident and its classification, nothing about the child or the school. */
    private static void assertOnlyContractFieldsAndNoSchool(List<ConsumerRecord<String, String>> records,
            IncidentReported report) throws Exception {
        for (ConsumerRecord<String, String> record : records) {
            String type = CloudEventRecords.header(record, "ce_type");
            Set<String> fields = new HashSet<>();
            new ObjectMapper().readTree(record.value()).fieldNames().forEachRemaining(fields::add);
            Set<String> contract = new HashSet<>();
            for (var component : EventType.ofCeType(type).orElseThrow().payload().getRecordComponents()) {
                contract.add(component.getName());
            }
            assertEquals(contract, fields, type + " carries its contract's fields and nothing else");
            assertThat(record.value(), not(containsString(report.schoolId())));
            assertThat(record.value(), not(containsString(report.partnerId())));
        }
    }

    @Test
    void withoutAPsychologistForTheDistrictAnotherOnShiftIsChosenPreferringTheChildsLanguage() {
        Instant now = clock.travelTo(Instant.parse("2041-01-03T10:00:00Z"));
        onShift(Ops.enrol("psy-ru", ResponderRole.PSYCHOLOGIST, List.of("ru"), District.ALMATY), now);
        UUID speaksKk = onShift(Ops.enrol("psy-kk", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.YESIL), now);

        IncidentReported report = reported(now, District.SARYARKA, Language.KK);
        Kafka.send(report);

        IncidentDispatched dispatched = dispatch.awaitOnly(report.incidentId(), IncidentDispatched.class);
        assertEquals(speaksKk, dispatched.responderId());
        assertThat(dispatched.reason(), equalTo("on shift, nobody on shift covers SARYARKA, speaks kk, 0 open"));
    }

    @Test
    void theTeamSeesHowManyEarlierIncidentsAreAboutTheSameChild() {
        Instant now = clock.travelTo(Instant.parse("2041-01-05T10:00:00Z"));
        onShift(Ops.enrol("psy-linked", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.NURA), now);
        IncidentReported plain = reported(now, District.NURA, Language.KK);
        IncidentReported report = new IncidentReported(plain.incidentId(), plain.partnerId(), plain.category(),
                plain.severity(), plain.district(), plain.schoolId(), plain.childLanguage(), plain.occurredAt(),
                plain.receivedAt(), 2);
        Kafka.send(report);

        dispatch.awaitOnly(report.incidentId(), IncidentDispatched.class);
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200).body("linkedIncidents", equalTo(2));

        // the coordinator split one of the links in intake
        Kafka.send(new IncidentLinksChanged(report.incidentId(), 1, now.plusSeconds(600)));
        eventually().untilAsserted(() -> ops().when()
                .get("/api/v1/incidents/" + report.incidentId()).then().body("linkedIncidents", equalTo(1)));
    }

    @Test
    void aPageIsInTheRespondersFirstLanguageWhenTheyDoNotSpeakTheChilds() {
        Instant now = clock.travelTo(Instant.parse("2041-01-04T10:00:00Z"));
        UUID only = onShift(Ops.enrol("psy-kk-only", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.NURA), now);

        IncidentReported report = reported(now, District.NURA, Language.RU);
        Kafka.send(report);

        PageRequested page = dispatch.awaitOnly(report.incidentId(), PageRequested.class);
        assertEquals(only, page.responderId());
        assertEquals(Language.KK, page.language());
        assertThat(dispatch.awaitOnly(report.incidentId(), IncidentDispatched.class).reason(),
                containsString("does not speak ru"));
    }

    @Test
    void theLeastLoadedPsychologistIsChosenAndTiesGoByResponderId() {
        Instant now = clock.travelTo(Instant.parse("2041-01-05T10:00:00Z"));
        UUID one = onShift(Ops.enrol("psy-one", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.ALMATY), now);
        UUID two = onShift(Ops.enrol("psy-two", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.ALMATY), now);
        UUID first = one.compareTo(two) < 0 ? one : two;
        UUID second = first.equals(one) ? two : one;

        IncidentReported earlier = reported(now, District.ALMATY, Language.KK);
        Kafka.send(earlier);
        assertEquals(first, dispatch.awaitOnly(earlier.incidentId(), IncidentDispatched.class).responderId());

        IncidentReported later = reported(now, District.ALMATY, Language.KK);
        Kafka.send(later);
        IncidentDispatched dispatched = dispatch.awaitOnly(later.incidentId(), IncidentDispatched.class);
        assertEquals(second, dispatched.responderId(), "the first one already has an open assignment");
        assertThat(dispatched.reason(), containsString("0 open"));
    }

    @Test
    void withNobodyOnShiftTheIncidentIsUnassignedNotDropped() {
        Instant now = clock.travelTo(Instant.parse("2041-02-01T03:00:00Z"));
        UUID ended = Ops.enrol("psy-went-home", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.YESIL);
        Ops.shift(ended, now.minus(Duration.ofHours(8)), now.minusSeconds(1));
        onShift(Ops.enrol("inspector-on-duty", ResponderRole.JUVENILE_INSPECTOR, List.of("kk"), District.YESIL),
                now);

        IncidentReported report = reported(now, District.YESIL, Language.KK);
        RecordMetadata sent = Kafka.send(report);

        IncidentUnassigned unassigned = dispatch.awaitOnly(report.incidentId(), IncidentUnassigned.class);
        assertEquals(ResponderRole.PSYCHOLOGIST, unassigned.role());
        assertThat(unassigned.reason(), containsString("no PSYCHOLOGIST on shift"));
        Dispatching.awaitHandled(sent);
        assertEquals(List.of(EventType.INCIDENT_UNASSIGNED), recorded(report.incidentId()));

        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200)
                .body("status", equalTo("UNASSIGNED"))
                .body("assignments", empty());
    }

    @Test
    void aRedeliveredReportIsDispatchedOnce() {
        Instant now = clock.travelTo(Instant.parse("2041-03-01T10:00:00Z"));
        onShift(Ops.enrol("psy-once", ResponderRole.PSYCHOLOGIST, List.of("kk"), District.ALMATY), now);
        IncidentReported report = reported(now, District.ALMATY, Language.KK);
        String ceId = UUID.randomUUID().toString();

        Kafka.send(CloudEventRecords.of(report, ceId));
        dispatch.awaitOnly(report.incidentId(), PageRequested.class);
        Kafka.send(CloudEventRecords.of(report, ceId));
        // the same report under a new event id, as a re-sending producer would publish it
        Dispatching.awaitHandled(Kafka.send(CloudEventRecords.of(report)));

        assertEquals(List.of(EventType.INCIDENT_DISPATCHED, EventType.PAGE_REQUESTED), recorded(report.incidentId()));
        assertThat(dispatch.events(report.incidentId(), PageRequested.class), hasSize(1));
        ops().when().get("/api/v1/incidents/" + report.incidentId())
                .then().statusCode(200).body("assignments", hasSize(1));
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheNextOneStillDispatched() {
        Instant now = clock.travelTo(Instant.parse("2041-04-01T10:00:00Z"));
        UUID psychologist = onShift(Ops.enrol("psy-after-poison", ResponderRole.PSYCHOLOGIST, List.of("ru"),
                District.SARYARKA), now);
        IncidentReported report = reported(now, District.SARYARKA, Language.RU);
        ProducerRecord<String, String> good = CloudEventRecords.of(report);
        // same key, hence same partition: the good record queues right behind the poison
        ProducerRecord<String, String> poison = new ProducerRecord<>(good.topic(), null, good.key(),
                "{\"incidentId\": oops", good.headers());

        Kafka.send(poison);
        Kafka.send(good);

        eventually().untilAsserted(() -> assertThat(deadLetters.records(report.incidentId()), hasSize(1)));
        ConsumerRecord<String, String> dead = deadLetters.records(report.incidentId()).get(0);
        assertEquals(poison.value(), dead.value());
        assertEquals(Topics.INCIDENTS, CloudEventRecords.header(dead, "dead-letter-topic"));
        assertTrue(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                .contains(EventType.INCIDENT_REPORTED.ceType()));
        assertEquals(psychologist, dispatch.awaitOnly(report.incidentId(), IncidentDispatched.class).responderId());
    }
}
