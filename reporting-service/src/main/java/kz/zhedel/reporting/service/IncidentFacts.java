package kz.zhedel.reporting.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.platform.sql.PgArray;
import kz.zhedel.reporting.domain.Milestone;

/**
 * Merges events into the incidents' fact rows. Every write is an upsert that keeps what is already known: the
 * classification is never overwritten, and PostgreSQL's {@code least}/{@code greatest} skip nulls, so a time only
 * moves to an earlier (or, for {@link Milestone.Keep#LATEST}, later) one. Any arrival order gives the same row, so a
 * batch is folded first ({@link FactBatch}) and written with one set-based statement per kind of row, not one per
 * event (the consumer's cost was one round trip per event).
 */
@ApplicationScoped
public class IncidentFacts {

    /** The page milestones kept per assignment, with their {@code assignment_fact} columns. */
    private static final Map<Milestone, String> PAGE_MILESTONES = Map.of(Milestone.PAGED, "paged_at",
            Milestone.PAGE_FAILED, "page_failed_at", Milestone.ACKNOWLEDGED, "acknowledged_at");

    @Inject
    Session session;

    /**
     * Merges a batch of events. The incidents' rows are locked first, in id order: every other row a batch writes
     * (assignments, pages, cells, the board's) belongs to one of them, so concurrent batches of the three channels
     * wait on the incident rows in one order and never deadlock, whatever order the statements below take.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void merge(Collection<? extends ZhedelEvent> events) {
        FactBatch batch = FactBatch.of(events);
        lock(events.stream().map(ZhedelEvent::incidentId).toList());
        reported(batch.reports.values());
        List<UUID> alerts = assigned(batch.assignments);
        PAGE_MILESTONES.forEach((milestone, column) -> reachedByAssignment(batch, milestone, column));
        batch.reached.forEach(this::reached);
        if (!alerts.isEmpty()) {
            // the alert's page was counted before we knew: the incident's page times are those of its team only
            session.createNativeMutationQuery("""
                    update incident_fact f set
                        first_paged_at  = (select min(a.paged_at) from assignment_fact a
                                           where a.incident_id = f.incident_id and a.coordinator is not true),
                        page_failed_at  = (select min(a.page_failed_at) from assignment_fact a
                                           where a.incident_id = f.incident_id and a.coordinator is not true),
                        acknowledged_at = (select min(a.acknowledged_at) from assignment_fact a
                                           where a.incident_id = f.incident_id and a.coordinator is not true)
                    where f.incident_id = any(cast(:ids as uuid[]))
                    """)
                    .setParameter("ids", PgArray.literal(alerts), String.class)
                    .executeUpdate();
        }
        pages(batch);
    }

    /** Creates the incidents' rows that do not exist yet and locks them all, in id order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Collection<UUID> incidentIds) {
        String ids = PgArray.literal(new TreeSet<>(incidentIds));
        session.createNativeMutationQuery("insert into incident_fact (incident_id) "
                + "select id from unnest(cast(:ids as uuid[])) as v(id) order by id on conflict do nothing")
                .setParameter("ids", ids, String.class).executeUpdate();
        // a native query like the others: reporting runs without Hibernate's plan cache, whose keys for this scalar
        // select never matched (application.properties), so nothing piles up in it
        session.createNativeQuery("select incident_id from incident_fact where incident_id = any(cast(:ids as uuid[])) "
                + "order by incident_id for update", UUID.class)
                .setParameter("ids", ids, String.class).getResultList();
    }

    private void reported(Collection<IncidentReported> reports) {
        if (reports.isEmpty()) {
            return;
        }
        session.createNativeMutationQuery("""
                insert into incident_fact (incident_id, partner_id, category, severity, district, school_id,
                                           child_language, received_at, partner_kind, child_key)
                select * from unnest(cast(:ids as uuid[]), cast(:partners as text[]), cast(:categories as text[]),
                                     cast(:severities as text[]), cast(:districts as text[]), cast(:schools as text[]),
                                     cast(:languages as text[]), cast(:receivedAt as timestamptz[]),
                                     cast(:kinds as text[]), cast(:childKeys as text[]))
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
                .setParameter("ids", column(reports, IncidentReported::incidentId), String.class)
                .setParameter("partners", column(reports, IncidentReported::partnerId), String.class)
                .setParameter("categories", column(reports, e -> name(e.category())), String.class)
                .setParameter("severities", column(reports, e -> name(e.severity())), String.class)
                .setParameter("districts", column(reports, e -> name(e.district())), String.class)
                .setParameter("schools", column(reports, IncidentReported::schoolId), String.class)
                .setParameter("languages", column(reports, e -> name(e.childLanguage())), String.class)
                .setParameter("receivedAt", column(reports, IncidentReported::receivedAt), String.class)
                .setParameter("kinds", column(reports, IncidentReported::partnerKind), String.class)
                .setParameter("childKeys", column(reports, IncidentReported::statsChildKey), String.class)
                .executeUpdate();
    }

    /**
     * Dispatch said what each assignment is. Answers the incidents of the coordinator's alerts whose page times were
     * already passed on to the incident (they are taken back).
     */
    private List<UUID> assigned(Map<UUID, FactBatch.Assignment> assignments) {
        List<UUID> alerts = new ArrayList<>();
        if (assignments.isEmpty()) {
            return alerts;
        }
        Collection<FactBatch.Assignment> rows = assignments.values();
        for (Tuple t : session.createNativeQuery("""
                insert into assignment_fact (assignment_id, incident_id, coordinator, role)
                select * from unnest(cast(:ids as uuid[]), cast(:incidents as uuid[]), cast(:coordinators as boolean[]),
                                     cast(:roles as text[]))
                on conflict (assignment_id) do update set coordinator = excluded.coordinator, role = excluded.role
                returning incident_id, coordinator, coalesce(paged_at, page_failed_at, acknowledged_at) as earlier
                """, Tuple.class)
                .setParameter("ids", PgArray.literal(assignments.keySet()), String.class)
                .setParameter("incidents", column(rows, FactBatch.Assignment::incidentId), String.class)
                .setParameter("coordinators", column(rows, FactBatch.Assignment::coordinator), String.class)
                .setParameter("roles", column(rows, FactBatch.Assignment::role), String.class)
                .getResultList()) {
            if (Boolean.TRUE.equals(t.get("coordinator", Boolean.class)) && t.get("earlier") != null) {
                alerts.add(t.get("incident_id", UUID.class));
            }
        }
        return alerts;
    }

    /**
     * A page milestone of each assignment; it is the incident's too unless the assignment is the duty coordinator's
     * alert (as far as known: the alert's own event takes it back, {@link #assigned}).
     */
    private void reachedByAssignment(FactBatch batch, Milestone milestone, String column) {
        Map<UUID, FactBatch.Timed> times = batch.byAssignment.getOrDefault(milestone, Map.of());
        if (times.isEmpty()) {
            return;
        }
        Map<UUID, FactBatch.Timed> team = new TreeMap<>(); // column from the map, never from input
        for (Tuple t : session.createNativeQuery("insert into assignment_fact (assignment_id, incident_id, " + column
                + ") select * from unnest(cast(:ids as uuid[]), cast(:incidents as uuid[]), cast(:at as timestamptz[])) "
                + "on conflict (assignment_id) do update set " + column + " = least(assignment_fact." + column
                + ", excluded." + column + ") returning assignment_id, coordinator", Tuple.class)
                .setParameter("ids", PgArray.literal(times.keySet()), String.class)
                .setParameter("incidents", column(times.values(), FactBatch.Timed::incidentId), String.class)
                .setParameter("at", column(times.values(), FactBatch.Timed::at), String.class)
                .getResultList()) {
            if (!Boolean.TRUE.equals(t.get("coordinator", Boolean.class))) {
                UUID assignment = t.get("assignment_id", UUID.class);
                team.put(assignment, times.get(assignment));
            }
        }
        team.values().forEach(timed -> batch.reach(timed.incidentId(), milestone, timed.at()));
    }

    private void reached(Milestone milestone, Map<UUID, Instant> times) {
        String column = milestone.column(); // from the enum, never from input
        String keep = milestone.keep() == Milestone.Keep.EARLIEST ? "least" : "greatest";
        session.createNativeMutationQuery("insert into incident_fact (incident_id, " + column + ") "
                + "select * from unnest(cast(:ids as uuid[]), cast(:at as timestamptz[])) "
                + "on conflict (incident_id) do update set "
                + column + " = " + keep + "(incident_fact." + column + ", excluded." + column + ")")
                .setParameter("ids", PgArray.literal(times.keySet()), String.class)
                .setParameter("at", PgArray.literal(times.values()), String.class)
                .executeUpdate();
    }

    /** Pages: the channels dispatch asked for, and when every contact failed (counted once per channel tried). */
    private void pages(FactBatch batch) {
        if (!batch.pageChannels.isEmpty()) {
            session.createNativeMutationQuery("insert into page_fact (page_id, incident_id, channels) "
                    + "select * from unnest(cast(:ids as uuid[]), cast(:incidents as uuid[]), cast(:channels as text[])) "
                    + "on conflict (page_id) do update set channels = excluded.channels")
                    .setParameter("ids", PgArray.literal(batch.pageChannels.keySet()), String.class)
                    .setParameter("incidents", column(batch.pageChannels.values(), FactBatch.Channels::incidentId),
                            String.class)
                    .setParameter("channels", column(batch.pageChannels.values(), FactBatch.Channels::channels),
                            String.class)
                    .executeUpdate();
        }
        if (!batch.pageFailures.isEmpty()) {
            session.createNativeMutationQuery("insert into page_fact (page_id, incident_id, failed_at) "
                    + "select * from unnest(cast(:ids as uuid[]), cast(:incidents as uuid[]), cast(:at as timestamptz[])) "
                    + "on conflict (page_id) do update set failed_at = least(page_fact.failed_at, excluded.failed_at)")
                    .setParameter("ids", PgArray.literal(batch.pageFailures.keySet()), String.class)
                    .setParameter("incidents", column(batch.pageFailures.values(), FactBatch.Timed::incidentId),
                            String.class)
                    .setParameter("at", column(batch.pageFailures.values(), FactBatch.Timed::at), String.class)
                    .executeUpdate();
        }
    }

    private static <T> String column(Collection<T> rows, Function<T, Object> field) {
        return PgArray.literal(rows.stream().map(field).toList());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
