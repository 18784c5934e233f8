package kz.zhedel.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Pins the shape of every published event: each type has a fixture in {@code contract/<ce-type>.json} that must
 * read and write back unchanged. Changing a payload means changing its fixture, visibly, in review.
 */
class EventContractTest {

    private static final ObjectMapper TREE = new ObjectMapper();
    private static final Set<String> PERSONAL_FIELDS = Set.of("firstname", "lastname", "name", "birthdate", "phone",
            "summary", "description", "reporter", "child", "address");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fixtureRoundTripsUnchanged(EventType type) throws IOException {
        String fixture = fixture(type);
        ZhedelEvent event = EventJson.read(type, fixture);
        assertEquals(type.payload(), event.getClass());
        assertEquals(TREE.readTree(fixture), TREE.readTree(EventJson.write(event)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeAndTopicAreResolvable(EventType type) throws IOException {
        assertEquals(type, EventType.ofCeType(type.ceType()).orElseThrow());
        assertEquals(type, EventType.of(EventJson.read(type, fixture(type))));
        assertFalse(type.topic().isBlank());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void noEventCarriesAChildsPersonalData(EventType type) {
        Set<String> fields = Arrays.stream(type.payload().getRecordComponents()).map(RecordComponent::getName)
                .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        fields.retainAll(PERSONAL_FIELDS);
        assertEquals(Set.of(), fields, type + " must not carry personal data");
    }

    @Test
    void everyPayloadTypeIsRegistered() {
        for (Class<?> permitted : ZhedelEvent.class.getPermittedSubclasses()) {
            assertNotNull(Arrays.stream(EventType.values()).filter(t -> t.payload() == permitted).findFirst()
                    .orElse(null), permitted + " has no EventType");
        }
    }

    @Test
    void unknownFieldsAreIgnoredButAMissingIncidentIdIsMalformed() {
        String withExtra = "{\"incidentId\":\"3f2a1c9e-8b7d-4e5f-9a0b-1c2d3e4f5a6b\",\"role\":\"PSYCHOLOGIST\","
                + "\"reason\":\"r\",\"at\":\"2026-11-25T08:31:02Z\",\"addedLater\":1}";
        assertEquals("r", ((IncidentUnassigned) EventJson.read(EventType.INCIDENT_UNASSIGNED, withExtra)).reason());
        assertThrows(MalformedEventException.class,
                () -> EventJson.read(EventType.INCIDENT_UNASSIGNED, "{\"role\":\"PSYCHOLOGIST\"}"));
        assertThrows(MalformedEventException.class, () -> EventJson.read(EventType.INCIDENT_UNASSIGNED, "not json"));
        assertThrows(MalformedEventException.class,
                () -> EventJson.read(EventType.INCIDENT_UNASSIGNED, "{\"incidentId\":\"x\",\"role\":\"CHEF\"}"));
    }

    @Test
    void aReportWrittenBeforeLinkingHasNoLinkedIncidents() {
        String before = "{\"incidentId\":\"3f2a1c9e-8b7d-4e5f-9a0b-1c2d3e4f5a6b\",\"partnerId\":\"p\","
                + "\"category\":\"BULLYING\",\"severity\":\"P3\",\"district\":\"BAIKONUR\",\"childLanguage\":\"kk\","
                + "\"occurredAt\":\"2026-11-25T08:30:00Z\",\"receivedAt\":\"2026-11-25T08:31:02Z\"}";
        assertEquals(0, ((IncidentReported) EventJson.read(EventType.INCIDENT_REPORTED, before)).linkedIncidents());
    }

    @Test
    void aPageRequestWrittenBeforeTheResponderPageHasNoRoleOrLinkedCount() {
        String before = "{\"incidentId\":\"3f2a1c9e-8b7d-4e5f-9a0b-1c2d3e4f5a6b\","
                + "\"pageId\":\"5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e\",\"category\":\"BULLYING\","
                + "\"severity\":\"P3\",\"district\":\"BAIKONUR\",\"contacts\":[]}";
        PageRequested request = (PageRequested) EventJson.read(EventType.PAGE_REQUESTED, before);
        assertEquals(null, request.role());
        assertEquals(null, request.linkedIncidents());
    }

    private static String fixture(EventType type) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/contract/" + type.ceType() + ".json")) {
            assertNotNull(in, "missing fixture for " + type.ceType());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
