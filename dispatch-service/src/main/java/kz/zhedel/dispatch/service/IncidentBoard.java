package kz.zhedel.dispatch.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.AssignmentStatus;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.IncidentStatus;
import kz.zhedel.dispatch.domain.Responder;

/**
 * The duty coordinator's list of what is stuck, most severe first, then oldest. Open: neither resolved nor
 * cancelled; unassigned: a required role has no active assignment; escalated: an assignment missed a deadline
 * (re-paged, reassigned or exhausted); overdue: an assignment that must be acknowledged is not, past its first
 * deadline.
 */
@ApplicationScoped
public class IncidentBoard {

    public enum State {
        OPEN(""),
        UNASSIGNED(" and i.status in (:unassigned)"),
        ESCALATED(" and exists (select a.id from Assignment a where a.incidentId = i.id and a.missedDeadlines > 0)"),
        OVERDUE(" and exists (select a.id from Assignment a where a.incidentId = i.id and a.status = :assigned"
                + " and a.mustAcknowledge = true and (a.missedDeadlines > 0 or a.ackDeadline <= :now))");

        final String condition;

        State(String condition) {
            this.condition = condition;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<State> of(String code) {
            return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
        }

        public static List<String> codes() {
            return Arrays.stream(values()).map(State::code).toList();
        }
    }

    /** One page of incidents in the state, with the total across pages. */
    public record Page(long total, List<Incident> incidents) {
    }

    /** A member of an incident's team as the board shows it; {@code overdueSince}: their first deadline, if passed. */
    public record Member(Assignment assignment, String responderName, Instant overdueSince) {
    }

    @Inject
    Rulebook rulebook;

    public Page list(State state, Instant now, int page, int size) {
        String where = "from Incident i where i.status not in (:closed)" + state.condition;
        Parameters parameters = Parameters.with("closed", List.of(IncidentStatus.RESOLVED, IncidentStatus.CANCELLED));
        if (state == State.UNASSIGNED) {
            parameters.and("unassigned", List.of(IncidentStatus.UNASSIGNED, IncidentStatus.PARTIALLY_ASSIGNED));
        }
        if (state == State.OVERDUE) {
            parameters.and("assigned", AssignmentStatus.ASSIGNED).and("now", now);
        }
        long total = Incident.count("select count(i) " + where, parameters);
        List<Incident> incidents = Incident.<Incident>find(where + " order by i.severity, i.receivedAt, i.id",
                parameters).page(page, size).list();
        return new Page(total, incidents);
    }

    /** The teams of the incidents, with the responders' names and how long each has been overdue. */
    public Map<UUID, List<Member>> teams(List<Incident> incidents, Instant now) {
        if (incidents.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Incident> byId = incidents.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        List<Assignment> assignments = Assignment.list("incidentId in ?1 order by assignedAt, id", byId.keySet());
        Map<UUID, String> names = Responder.<Responder>list("id in ?1",
                assignments.stream().map(a -> a.responderId).distinct().toList()).stream()
                .collect(Collectors.toMap(r -> r.id, r -> r.name));
        return assignments.stream().collect(Collectors.groupingBy(a -> a.incidentId, Collectors.mapping(
                a -> new Member(a, names.get(a.responderId), overdueSince(byId.get(a.incidentId), a, now)),
                Collectors.toList())));
    }

    /** Whole minutes the incident's longest-overdue acknowledgement is late; 0 when none is. */
    public static long minutesOverdue(List<Member> team, Instant now) {
        return team.stream().map(Member::overdueSince).filter(since -> since != null)
                .mapToLong(since -> Duration.between(since, now).toMinutes()).max().orElse(0);
    }

    private Instant overdueSince(Incident incident, Assignment a, Instant now) {
        if (a.status != AssignmentStatus.ASSIGNED || !a.mustAcknowledge) {
            return null;
        }
        Instant first = a.assignedAt.plus(rulebook.of(incident).ackDeadline(incident.severity));
        return first.isAfter(now) ? null : first;
    }
}
