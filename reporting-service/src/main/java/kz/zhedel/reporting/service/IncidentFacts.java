package kz.zhedel.reporting.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.MalformedEventException;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.reporting.domain.Milestone;

/**
 * Merges events into the incident's fact row. Every write is an upsert that keeps what is already known: the
 * classification is never overwritten, and PostgreSQL's {@code least}/{@code greatest} skip nulls, so a time only
 * moves to an earlier (or, for {@link Milestone.Keep#LATEST}, later) one. Any arrival order gives the same row.
 */
@ApplicationScoped
public class IncidentFacts {

    @Inject
    Session session;

    @Transactional(Transactional.TxType.MANDATORY)
    public void reported(IncidentReported event) {
        requireTime(event.receivedAt(), "receivedAt");
        session.createNativeMutationQuery("""
                insert into incident_fact (incident_id, partner_id, category, severity, district, school_id,
                                           child_language, received_at, partner_kind, child_key)
                values (:id, :partner, :category, :severity, :district, :school, :language, :receivedAt,
                        :partnerKind, :childKey)
                on conflict (incident_id) do update set
                    partner_id     = coalesce(incident_fact.partner_id, excluded.partner_id),
                    category       = coalesce(incident_fact.category, excluded.category),
                    severity       = coalesce(incident_fact.severity, excluded.severity),
                    district       = coalesce(incident_fact.district, excluded.district),
                    school_id      = coalesce(incident_fact.school_id, excluded.school_id),
                    child_language = coalesce(incident_fact.child_language, excluded.child_language),
                    received_at    = least(incident_fact.received_at, excluded.received_at),
                    partner_kind   = coalesce(incident_fact.partner_kind, excluded.partner_kind),
                    child_key      = coalesce(incident_fact.child_key, excluded.child_key)
                """)
                .setParameter("id", event.incidentId(), UUID.class)
                .setParameter("partner", event.partnerId(), String.class)
                .setParameter("category", name(event.category()), String.class)
                .setParameter("severity", name(event.severity()), String.class)
                .setParameter("district", name(event.district()), String.class)
                .setParameter("school", event.schoolId(), String.class)
                .setParameter("language", name(event.childLanguage()), String.class)
                .setParameter("receivedAt", event.receivedAt(), Instant.class)
                .setParameter("partnerKind", event.partnerKind(), String.class)
                .setParameter("childKey", event.statsChildKey(), String.class)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reached(UUID incidentId, Milestone milestone, Instant at) {
        requireTime(at, milestone.column());
        String column = milestone.column(); // from the enum, never from input
        String keep = milestone.keep() == Milestone.Keep.EARLIEST ? "least" : "greatest";
        session.createNativeMutationQuery("insert into incident_fact (incident_id, " + column + ") values (:id, :at) "
                + "on conflict (incident_id) do update set "
                + column + " = " + keep + "(incident_fact." + column + ", excluded." + column + ")")
                .setParameter("id", incidentId, UUID.class)
                .setParameter("at", at, Instant.class)
                .executeUpdate();
    }

    /** The page milestones kept per assignment, with their {@code assignment_fact} columns. */
    private static final Map<Milestone, String> PAGE_MILESTONES = Map.of(Milestone.PAGED, "paged_at",
            Milestone.PAGE_FAILED, "page_failed_at", Milestone.ACKNOWLEDGED, "acknowledged_at");

    /**
     * A page milestone of one assignment (delivered, failed, acknowledged): it is the incident's unless the
     * assignment is the duty coordinator's alert. Without an assignment id (older events) it is the incident's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reachedByAssignment(UUID incidentId, UUID assignmentId, Milestone milestone, Instant at) {
        requireTime(at, milestone.column());
        String column = PAGE_MILESTONES.get(milestone); // from the map, never from input
        if (assignmentId == null || column == null) {
            reached(incidentId, milestone, at);
            return;
        }
        Boolean coordinator = (Boolean) session.createNativeQuery("insert into assignment_fact (assignment_id, "
                + "incident_id, " + column + ") values (:assignment, :incident, :at) on conflict (assignment_id) do "
                + "update set " + column + " = least(assignment_fact." + column + ", excluded." + column + ") "
                + "returning coordinator", Boolean.class)
                .setParameter("assignment", assignmentId, UUID.class)
                .setParameter("incident", incidentId, UUID.class)
                .setParameter("at", at, Instant.class)
                .getSingleResultOrNull();
        if (!Boolean.TRUE.equals(coordinator)) {
            reached(incidentId, milestone, at);
        }
    }

    /**
     * Dispatch said what the assignment is. A team member's is the incident's first assignment (if earliest); the
     * coordinator's alert is not, and page times it may already have passed on are taken back from the incident.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assigned(UUID incidentId, UUID assignmentId, ResponderRole role, Instant at) {
        boolean coordinator = role == ResponderRole.COORDINATOR;
        if (!coordinator) {
            reached(incidentId, Milestone.ASSIGNED, at);
        }
        if (assignmentId == null) {
            return;
        }
        Object[] earlier = (Object[]) session.createNativeQuery("insert into assignment_fact (assignment_id, "
                + "incident_id, coordinator, role) values (:assignment, :incident, :coordinator, :role) "
                + "on conflict (assignment_id) do update set coordinator = excluded.coordinator, role = excluded.role "
                + "returning paged_at, page_failed_at, acknowledged_at", Object[].class)
                .setParameter("assignment", assignmentId, UUID.class)
                .setParameter("incident", incidentId, UUID.class)
                .setParameter("coordinator", coordinator, Boolean.class)
                .setParameter("role", role == null ? null : role.name(), String.class)
                .getSingleResult();
        if (coordinator && Arrays.stream(earlier).anyMatch(Objects::nonNull)) {
            // the alert's page was counted before we knew: the incident's page times are those of its team only
            session.createNativeMutationQuery("""
                    update incident_fact set
                        first_paged_at  = (select min(a.paged_at) from assignment_fact a
                                           where a.incident_id = :id and a.coordinator is not true),
                        page_failed_at  = (select min(a.page_failed_at) from assignment_fact a
                                           where a.incident_id = :id and a.coordinator is not true),
                        acknowledged_at = (select min(a.acknowledged_at) from assignment_fact a
                                           where a.incident_id = :id and a.coordinator is not true)
                    where incident_id = :id
                    """)
                    .setParameter("id", incidentId, UUID.class)
                    .executeUpdate();
        }
    }

    /**
     * Dispatch asked for a page: its channels (for page failures by channel) and, on a team page, its
     * acknowledgement deadline (the SLA's; the earliest is kept).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pageRequested(PageRequested event) {
        String channels = event.contacts() == null ? null : event.contacts().stream()
                .map(c -> c.channel() == null ? "UNKNOWN" : c.channel().name()).distinct()
                .collect(Collectors.joining(","));
        session.createNativeMutationQuery("insert into page_fact (page_id, incident_id, channels) "
                + "values (:page, :incident, :channels) on conflict (page_id) do update set channels = excluded.channels")
                .setParameter("page", event.pageId(), UUID.class)
                .setParameter("incident", event.incidentId(), UUID.class)
                .setParameter("channels", channels == null || channels.isEmpty() ? null : channels, String.class)
                .executeUpdate();
        if (event.alert() == null && event.ackDeadline() != null) {
            reached(event.incidentId(), Milestone.ACK_DEADLINE, event.ackDeadline());
        }
    }

    /** Every contact of the page failed; counted once per channel it tried. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pageFailed(UUID incidentId, UUID pageId, Instant at) {
        requireTime(at, "failedAt");
        if (pageId == null) {
            return;
        }
        session.createNativeMutationQuery("insert into page_fact (page_id, incident_id, failed_at) "
                + "values (:page, :incident, :at) on conflict (page_id) do update set "
                + "failed_at = least(page_fact.failed_at, excluded.failed_at)")
                .setParameter("page", pageId, UUID.class)
                .setParameter("incident", incidentId, UUID.class)
                .setParameter("at", at, Instant.class)
                .executeUpdate();
    }

    /** An event without its time cannot be placed on the timeline: it goes to the dead-letter topic. */
    private static void requireTime(Instant at, String field) {
        if (at == null) {
            throw new MalformedEventException("event without " + field);
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
