package kz.zhedel.reporting.service;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.IncidentCancelled;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentResolved;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.MalformedEventException;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.reporting.domain.Milestone;

/**
 * What a batch of events merges into the facts, already folded per row: per milestone and incident the time it keeps
 * (the earliest, or the latest), per assignment and page the same. Merges are order-independent upserts, so folding
 * them first and writing each kind in one statement ({@link IncidentFacts#merge}) gives the rows one event at a time
 * would. An event without its time is refused here, before anything is written (it goes to the dead-letter topic).
 */
final class FactBatch {

    /** A team assignment or the duty coordinator's alert, as dispatch named it. */
    record Assignment(UUID incidentId, boolean coordinator, String role) {
    }

    /** A time of one assignment or page row. */
    record Timed(UUID incidentId, Instant at) {
    }

    /** The channels a page tried. */
    record Channels(UUID incidentId, String channels) {
    }

    final Map<UUID, IncidentReported> reports = new TreeMap<>();
    final Map<Milestone, Map<UUID, Instant>> reached = new EnumMap<>(Milestone.class);
    final Map<UUID, Assignment> assignments = new TreeMap<>();
    /** Page milestones per assignment ({@code PAGED}, {@code PAGE_FAILED}, {@code ACKNOWLEDGED}). */
    final Map<Milestone, Map<UUID, Timed>> byAssignment = new EnumMap<>(Milestone.class);
    final Map<UUID, Channels> pageChannels = new TreeMap<>();
    final Map<UUID, Timed> pageFailures = new TreeMap<>();

    static FactBatch of(Iterable<? extends ZhedelEvent> events) {
        FactBatch batch = new FactBatch();
        events.forEach(batch::add);
        return batch;
    }

    private void add(ZhedelEvent event) {
        if (event instanceof IncidentReported e) {
            requireTime(e.receivedAt(), "receivedAt");
            reports.merge(e.incidentId(), e, (a, b) -> b.receivedAt().isBefore(a.receivedAt()) ? b : a);
        } else if (event instanceof IncidentDispatched e) {
            boolean coordinator = e.role() == ResponderRole.COORDINATOR;
            if (!coordinator) {
                reach(e.incidentId(), Milestone.ASSIGNED, e.assignedAt());
            }
            if (e.assignmentId() != null) {
                assignments.put(e.assignmentId(),
                        new Assignment(e.incidentId(), coordinator, e.role() == null ? null : e.role().name()));
            }
        } else if (event instanceof IncidentUnassigned e) {
            reach(e.incidentId(), Milestone.UNASSIGNED, e.at());
        } else if (event instanceof PageDelivered e) {
            reachByAssignment(e.incidentId(), e.assignmentId(), Milestone.PAGED, e.deliveredAt());
        } else if (event instanceof PageRequested e) {
            pageRequested(e);
        } else if (event instanceof PageFailed e) {
            reachByAssignment(e.incidentId(), e.assignmentId(), Milestone.PAGE_FAILED, e.failedAt());
            if (e.pageId() != null) {
                pageFailures.merge(e.pageId(), new Timed(e.incidentId(), e.failedAt()), earliest());
            }
        } else if (event instanceof AssignmentAcknowledged e) {
            reachByAssignment(e.incidentId(), e.assignmentId(), Milestone.ACKNOWLEDGED, e.acknowledgedAt());
        } else if (event instanceof AssignmentEscalated e && e.role() != ResponderRole.COORDINATOR) {
            reach(e.incidentId(), Milestone.ESCALATED, e.escalatedAt());
        } else if (event instanceof AssignmentProgressed e && e.stage() == AssignmentProgressed.Stage.ON_SCENE
                && e.role() != ResponderRole.COORDINATOR) {
            reach(e.incidentId(), Milestone.ON_SCENE, e.at());
        } else if (event instanceof IncidentResolved e) {
            reach(e.incidentId(), Milestone.RESOLVED, e.resolvedAt());
        } else if (event instanceof IncidentCancelled e) {
            reach(e.incidentId(), Milestone.CANCELLED, e.cancelledAt());
        }
    }

    /** The incident reached the milestone at {@code at}; the time it keeps is decided per milestone. */
    void reach(UUID incidentId, Milestone milestone, Instant at) {
        requireTime(at, milestone.column());
        BinaryOperator<Instant> keep = milestone.keep() == Milestone.Keep.EARLIEST
                ? (a, b) -> b.isBefore(a) ? b : a
                : (a, b) -> b.isAfter(a) ? b : a;
        reached.computeIfAbsent(milestone, m -> new TreeMap<>()).merge(incidentId, at, keep);
    }

    /** A page milestone of one assignment; without an assignment id (older events) it is the incident's. */
    private void reachByAssignment(UUID incidentId, UUID assignmentId, Milestone milestone, Instant at) {
        requireTime(at, milestone.column());
        if (assignmentId == null) {
            reach(incidentId, milestone, at);
            return;
        }
        byAssignment.computeIfAbsent(milestone, m -> new TreeMap<>())
                .merge(assignmentId, new Timed(incidentId, at), earliest());
    }

    private void pageRequested(PageRequested e) {
        if (e.pageId() == null) {
            throw new MalformedEventException("event without pageId");
        }
        String channels = e.contacts() == null ? null : e.contacts().stream()
                .map(c -> c.channel() == null ? "UNKNOWN" : c.channel().name()).distinct()
                .collect(Collectors.joining(","));
        pageChannels.put(e.pageId(), new Channels(e.incidentId(), channels == null || channels.isEmpty() ? null : channels));
        if (e.alert() == null && e.ackDeadline() != null) {
            reach(e.incidentId(), Milestone.ACK_DEADLINE, e.ackDeadline());
        }
    }

    private static BinaryOperator<Timed> earliest() {
        return (a, b) -> b.at().isBefore(a.at()) ? b : a;
    }

    /** An event without its time cannot be placed on the timeline: it goes to the dead-letter topic. */
    private static void requireTime(Instant at, String field) {
        if (at == null) {
            throw new MalformedEventException("event without " + field);
        }
    }
}
