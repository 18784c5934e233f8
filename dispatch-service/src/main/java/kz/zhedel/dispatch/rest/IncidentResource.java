package kz.zhedel.dispatch.rest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import kz.zhedel.dispatch.domain.Assignment;
import kz.zhedel.dispatch.domain.Incident;
import kz.zhedel.dispatch.domain.IncidentNote;
import kz.zhedel.dispatch.service.Coordination;
import kz.zhedel.dispatch.service.IncidentBoard;
import kz.zhedel.platform.security.Roles;

/** The duty coordinator's means to see what is stuck and act on it (ops may do the same). */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPS, Roles.COORDINATOR })
public class IncidentResource {

    static final int MAX_PAGE_SIZE = 100;
    static final int DEFAULT_PAGE_SIZE = 20;

    @Inject
    IncidentBoard board;

    @Inject
    Coordination coordination;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Incidents that are open, unassigned, escalated or overdue: most severe, then oldest first")
    public BoardView list(@QueryParam("state") String state, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        IncidentBoard.State filter = state == null || state.isBlank() ? IncidentBoard.State.OPEN
                : IncidentBoard.State.of(state.trim()).orElseThrow(() -> new BadRequestException(
                        "query parameter state must be one of " + IncidentBoard.State.codes()));
        int pageNumber = bounded("page", page, 0, Integer.MAX_VALUE, 0);
        int pageSize = bounded("size", size, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        Instant now = clock.instant();
        IncidentBoard.Page found = board.list(filter, now, pageNumber, pageSize);
        Map<UUID, List<IncidentBoard.Member>> teams = board.teams(found.incidents(), now);
        List<BoardView.Item> items = found.incidents().stream().map(i -> {
            List<IncidentBoard.Member> team = teams.getOrDefault(i.id, List.of());
            return new BoardView.Item(i.id, i.category, i.severity, i.district, i.status, i.receivedAt,
                    i.linkedIncidents, IncidentBoard.minutesOverdue(team, now),
                    team.stream().map(BoardView.Member::of).toList());
        }).toList();
        boolean more = (long) (pageNumber + 1) * pageSize < found.total();
        String next = more ? "/api/v1/incidents?state=" + filter.code() + "&page=" + (pageNumber + 1) + "&size="
                + pageSize : null;
        return new BoardView(filter.code(), pageNumber, pageSize, found.total(), next, items);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "How dispatch handled an incident: assignments, who took each step, cancellation, notes")
    public IncidentView get(@PathParam("id") UUID id) {
        return IncidentView.of(Coordination.find(id), Assignment.ofIncident(id));
    }

    @POST
    @Path("/{id}/assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a named responder (on call or not) beside the team, or instead of an assignment")
    public Response assign(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid NewAssignment request) {
        Assignment assignment = coordination.assign(id, request);
        return Response.created(URI.create("/api/v1/incidents/" + id))
                .entity(IncidentView.AssignmentView.of(assignment)).build();
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a false or duplicate report: open assignments are called off, their pages withdrawn")
    public IncidentView cancel(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid Cancellation request) {
        Incident incident = coordination.cancel(id, request);
        return IncidentView.of(incident, Assignment.ofIncident(id));
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A note on the incident, shown only in the coordinator's views (never paged or published)")
    public Response note(@PathParam("id") UUID id,
            @NotNull(message = "a JSON body is required") @Valid NewNote request) {
        IncidentNote note = coordination.note(id, request.text());
        return Response.created(URI.create("/api/v1/incidents/" + id + "/notes"))
                .entity(IncidentView.NoteView.of(note)).build();
    }

    @GET
    @Path("/{id}/notes")
    @Operation(summary = "The notes on an incident, oldest first, with author and time")
    public List<IncidentView.NoteView> notes(@PathParam("id") UUID id) {
        Coordination.find(id);
        return IncidentNote.ofIncident(id).stream().map(IncidentView.NoteView::of).toList();
    }

    private static int bounded(String name, String value, int min, int max, int fallback) {
        String expected = "a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max);
        Integer parsed = QueryParams.optional(name, value, Integer::valueOf, expected);
        if (parsed != null && (parsed < min || parsed > max)) {
            throw new BadRequestException("query parameter " + name + " must be " + expected);
        }
        return parsed == null ? fallback : parsed;
    }
}
