package kz.zhedel.reporting;

import static kz.zhedel.reporting.Fixtures.reported;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.Category;
import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.District;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentResolved;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.Language;
import kz.zhedel.events.MalformedEventException;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.reporting.service.IncidentFacts;
import kz.zhedel.testing.RealInfrastructure;

/**
 * A batch is merged with one statement per kind of row ({@link IncidentFacts#merge}): the same lifecycle merged as
 * one batch, and event by event in the reverse order, gives the same fact rows.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class FactBatchTest {

    @Inject
    IncidentFacts facts;

    @Inject
    EntityManager em;

    @Test
    void oneBatchGivesTheRowsOfOneEventAtATimeInAnyOrder() {
        UUID inOneBatch = UUID.randomUUID();
        UUID oneByOne = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> facts.merge(lifecycle(inOneBatch)));
        List<ZhedelEvent> reversed = new ArrayList<>(lifecycle(oneByOne));
        Collections.reverse(reversed);
        reversed.forEach(event -> QuarkusTransaction.requiringNew().run(() -> facts.merge(List.of(event))));

        Map<String, Object> row = fact(inOneBatch);
        assertThat(row, equalTo(fact(oneByOne)));
        // the alert's page and acknowledgement are not the incident's; the team's earliest times are
        assertThat(row.get("first_assigned_at"), equalTo(Instant.parse("2026-05-02T10:10:00Z")));
        assertThat(row.get("first_paged_at"), equalTo(Instant.parse("2026-05-02T10:10:10Z")));
        assertThat(row.get("acknowledged_at"), equalTo(Instant.parse("2026-05-02T10:12:00Z")));
        assertThat(row.get("last_unassigned_at"), equalTo(Instant.parse("2026-05-02T10:00:07Z")));
        assertThat(row.get("ack_deadline"), equalTo(Instant.parse("2026-05-02T10:15:00Z")));
        assertThat(row.get("category"), equalTo("NEGLECT"));
        assertThat(row.get("failed_channels"), equalTo("EMAIL,SMS"));
    }

    @Test
    void anEventWithoutItsTimeRefusesTheWholeBatchBeforeAnythingIsWritten() {
        UUID id = UUID.randomUUID();
        assertThrows(MalformedEventException.class, () -> QuarkusTransaction.requiringNew().run(() -> facts.merge(
                List.of(reported(id, "2026-05-03T10:00:00Z"), new IncidentResolved(id, null)))));
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from incident_fact where incident_id = ?1").setParameter(1, id).getSingleResult()),
                equalTo(0L));
    }

    /**
     * Reported; nobody on call (twice); the duty coordinator's alert paged and acknowledged (its page report first);
     * then a psychologist assigned, paged (redelivered later), a page that failed, acknowledged, on scene, resolved.
     */
    private static List<ZhedelEvent> lifecycle(UUID id) {
        String day = "2026-05-02T";
        UUID alert = UUID.randomUUID();
        UUID team = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        UUID responder = UUID.randomUUID();
        IncidentReported report = reported(id, day + "10:00:00Z", Category.NEGLECT, Severity.P2, District.NURA);
        return List.of(report,
                new PageDelivered(id, UUID.randomUUID(), alert, Channel.SMS, at(day + "10:00:20Z")),
                new IncidentUnassigned(id, ResponderRole.PSYCHOLOGIST, "nobody on call", at(day + "10:00:05Z")),
                new IncidentUnassigned(id, ResponderRole.PSYCHOLOGIST, "nobody on call", at(day + "10:00:07Z")),
                new IncidentDispatched(id, alert, UUID.randomUUID(), ResponderRole.COORDINATOR, "duty coordinator alerted",
                        at(day + "10:00:05Z"), null),
                new AssignmentAcknowledged(id, alert, UUID.randomUUID(), at(day + "10:00:40Z"), null),
                new AssignmentEscalated(id, alert, UUID.randomUUID(), ResponderRole.COORDINATOR, 1,
                        AssignmentEscalated.Step.REPAGED, at(day + "10:00:50Z"), null),
                new IncidentDispatched(id, team, responder, ResponderRole.PSYCHOLOGIST, "on call",
                        at(day + "10:10:00Z"), null),
                new PageRequested(id, UUID.randomUUID(), team, responder, Category.NEGLECT, Severity.P2, District.NURA,
                        Language.KK, Language.KK, List.of(new Contact(Channel.SMS, "+77010000000")),
                        at(day + "10:10:01Z"), at(day + "10:15:00Z"), null),
                new PageRequested(id, failed, team, responder, Category.NEGLECT, Severity.P2, District.NURA,
                        Language.KK, Language.KK,
                        List.of(new Contact(Channel.EMAIL, "a@example.org"), new Contact(Channel.SMS, "+77010000000")),
                        at(day + "10:10:02Z"), at(day + "10:16:00Z"), null),
                new PageFailed(id, failed, team, "every contact failed", at(day + "10:10:30Z")),
                new PageDelivered(id, UUID.randomUUID(), team, Channel.SMS, at(day + "10:10:20Z")),
                new PageDelivered(id, UUID.randomUUID(), team, Channel.SMS, at(day + "10:10:10Z")),
                new AssignmentAcknowledged(id, team, responder, at(day + "10:12:00Z"), null),
                new AssignmentProgressed(id, team, responder, ResponderRole.PSYCHOLOGIST,
                        AssignmentProgressed.Stage.ON_SCENE, at(day + "10:30:00Z"), null),
                new IncidentResolved(id, at(day + "11:00:00Z")));
    }

    /** The incident's fact row (without its id) with its assignments' and pages' facts folded in. */
    private Map<String, Object> fact(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] values = (Object[]) em.createNativeQuery("""
                    select f.partner_id, f.category, f.severity, f.district, f.school_id, f.child_language,
                           f.received_at, f.partner_kind, f.first_assigned_at, f.last_unassigned_at, f.first_paged_at,
                           f.page_failed_at, f.acknowledged_at, f.first_escalated_at, f.on_scene_at, f.resolved_at,
                           f.cancelled_at, f.ack_deadline,
                           (select string_agg(a.role || ':' || a.coordinator || ':' || coalesce(a.paged_at::text, '-')
                                   || ':' || coalesce(a.acknowledged_at::text, '-'), ',' order by a.role)
                            from assignment_fact a where a.incident_id = f.incident_id) as assignments,
                           (select string_agg(p.channels, ',' order by p.channels) from page_fact p
                            where p.incident_id = f.incident_id and p.failed_at is not null) as failed_channels,
                           (select count(*) from page_fact p where p.incident_id = f.incident_id) as pages
                    from incident_fact f where f.incident_id = ?1
                    """).setParameter(1, id).getSingleResult();
            String[] names = { "partner_id", "category", "severity", "district", "school_id", "child_language",
                    "received_at", "partner_kind", "first_assigned_at", "last_unassigned_at", "first_paged_at",
                    "page_failed_at", "acknowledged_at", "first_escalated_at", "on_scene_at", "resolved_at",
                    "cancelled_at", "ack_deadline", "assignments", "failed_channels", "pages" };
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                row.put(names[i], values[i] instanceof java.time.OffsetDateTime o ? o.toInstant()
                        : values[i] instanceof java.sql.Timestamp t ? t.toInstant() : values[i]);
            }
            return row;
        });
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
