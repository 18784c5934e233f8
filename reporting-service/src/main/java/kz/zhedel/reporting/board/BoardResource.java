package kz.zhedel.reporting.board;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ResponseHeader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import kz.zhedel.events.CancelReason;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.platform.rest.Problem;

/**
 * The ops board at {@code /}: open incidents (live), charts and the coordinator's actions, for a signed-in
 * coordinator or ops user only. Without a session every page is the sign-in page; every POST must carry the
 * session's CSRF token in {@code X-CSRF-Token} (htmx sends it from the page).
 */
@Path("/")
@PermitAll
public class BoardResource {

    static final String SESSION_COOKIE = "zhedel_board";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** The roles the assign form offers: a team's (the duty coordinator is the safety net, not a team member). */
    static final List<ResponderRole> TEAM_ROLES = Arrays.stream(ResponderRole.values())
            .filter(r -> r != ResponderRole.COORDINATOR).toList();
    private static final Logger LOG = Logger.getLogger(BoardResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(BoardUser user, String language, List<String> languages,
                List<CancelReason> cancelReasons, List<ResponderRole> roles);

        static native TemplateInstance responders(List<ResponderChoice> choices, boolean failed, int status);

        static native TemplateInstance incidents(OpenIncidents.Board board);

        static native TemplateInstance signIn(SignInRefused.Reason refused, boolean oidc, String language,
                List<String> languages);

        static native TemplateInstance signedIn(String language);

        static native TemplateInstance result(Integer status, String title, String detail, List<String> errors);
    }

    @Inject
    BoardSessions sessions;

    @Inject
    OpenIncidents open;

    @Inject
    BoardStream stream;

    @Inject
    BoardCharts charts;

    @Inject
    ObjectMapper json;

    @Inject
    @RestClient
    DispatchClient dispatch;

    @Inject
    @RestClient
    DispatchRoster roster;

    @Inject
    SecurityIdentity identity;

    @Inject
    OidcSession oidcSession;

    @ConfigProperty(name = "zhedel.board.secure-cookie", defaultValue = "true")
    boolean secureCookie;

    /** Production sign-in through the OIDC provider (code flow) is configured. */
    @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
    boolean oidc;

    @CookieParam(SESSION_COOKIE)
    String sessionCookie;

    @CookieParam(BoardLanguage.COOKIE)
    String languageCookie;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The ops board (signed-in coordinator or ops), else the sign-in page")
    public Response board() {
        return current()
                .map(user -> Response.ok(localized(Templates.board(user, locale().getLanguage(),
                        BoardLanguage.SUPPORTED, List.of(CancelReason.values()), TEAM_ROLES))).build())
                .orElseGet(() -> signIn(Response.Status.UNAUTHORIZED, null));
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Redeem a one-time sign-in link (./zhedel login): opens the board signed in")
    public Response login(@QueryParam("t") String token) {
        try {
            String secret = sessions.redeem(token);
            return Response.seeOther(URI.create("/")).cookie(sessionCookie(secret, -1)).build();
        } catch (SignInRefused refused) {
            LOG.infof("sign-in link refused: %s", refused.getMessage());
            return signIn(refused.reason() == SignInRefused.Reason.ROLE ? Response.Status.FORBIDDEN
                    : Response.Status.UNAUTHORIZED, refused.reason());
        }
    }

    /**
     * The OIDC sign-in: the code flow ({@code auth-mechanism=code} for this path) has sent the browser to the provider
     * and back; a coordinator or ops user gets a board session (the same cookie and CSRF token as a link's). The
     * answer is a page that moves on to the board rather than a redirect: the browser arrives here at the end of a
     * redirect chain from the provider's site, on which it does not send the SameSite=Strict session cookie.
     */
    @GET
    @Path("login/oidc")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Sign in through the OIDC provider (production): opens the board signed in")
    public Response loginOidc() {
        if (!oidc || accessToken().isEmpty()) {
            return signIn(Response.Status.UNAUTHORIZED, null);
        }
        try {
            String secret = sessions.openOidc(oidcSubject(), identity.getRoles());
            return Response.ok(localized(Templates.signedIn(locale().getLanguage())))
                    .cookie(sessionCookie(secret, -1)).build();
        } catch (SignInRefused refused) {
            LOG.infof("OIDC sign-in refused: %s", refused.getMessage());
            oidcSession.logout().await().indefinitely();
            return signIn(Response.Status.FORBIDDEN, refused.reason());
        }
    }

    @POST
    @Path("logout")
    @Operation(summary = "Sign out: the session ends")
    public Response logout(@HeaderParam(CSRF_HEADER) String csrf, @Context UriInfo uri) {
        BoardUser user = acting(csrf, uri);
        sessions.end(sessionCookie);
        if (user.oidc()) {
            oidcSession.logout().await().indefinitely();
        }
        return Response.seeOther(URI.create("/")).cookie(sessionCookie("", 0)).header("HX-Redirect", "/").build();
    }

    @GET
    @Path("board/language/{language}")
    @Operation(summary = "Switch the board's language (kk, ru, en), kept in a cookie")
    public Response language(@PathParam("language") String language, @Context UriInfo uri) {
        String tag = BoardLanguage.supported(language).orElseThrow(() -> new WebApplicationException(
                Problem.invalid("unknown language", uri.getPath(), List.of(new Problem.FieldError("language",
                        "one of " + BoardLanguage.SUPPORTED))).toResponse()));
        NewCookie cookie = new NewCookie.Builder(BoardLanguage.COOKIE).value(tag).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.STRICT).httpOnly(true).secure(secureCookie).build();
        return Response.seeOther(URI.create("/")).cookie(cookie).build();
    }

    @GET
    @Path("board/incidents")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The open incidents, most urgent first (the board's live part)")
    public TemplateInstance incidents(@Context UriInfo uri) {
        signedIn(uri);
        return localized(Templates.incidents(open.now()));
    }

    @GET
    @Path("board/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @ResponseHeader(name = "X-Accel-Buffering", value = "no") // the Ingress (nginx) passes each event on at once
    @Blocking
    @Operation(summary = "Server-sent events: the id of each incident changed, after its event committed")
    public Multi<String> changes(@Context UriInfo uri) {
        signedIn(uri);
        return stream.changes();
    }

    @GET
    @Path("board/charts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The charts' data: the last 24 hours by hour and the last 30 days by day")
    public BoardCharts.Charts chartData(@Context UriInfo uri) {
        signedIn(uri);
        return charts.now();
    }

    @GET
    @Path("board/responders")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The assign form's names: a role's active responders from dispatch, on call now first")
    public TemplateInstance responders(@QueryParam("role") String role, @Context UriInfo uri) {
        BoardUser user = signedIn(uri);
        ResponderRole chosen = TEAM_ROLES.stream().filter(r -> r.name().equals(role)).findFirst()
                .orElseThrow(() -> invalid("role", "one of " + TEAM_ROLES, uri));
        try {
            return localized(Templates.responders(ResponderChoice.of(roster.responders(bearer(user), chosen),
                    roster.onCall(bearer(user), chosen)), false, 0));
        } catch (WebApplicationException e) {
            return localized(Templates.responders(List.of(), true, e.getResponse().getStatus()));
        } catch (ProcessingException e) {
            LOG.warnf("dispatch cannot be reached: %s", e.getMessage());
            return localized(Templates.responders(List.of(), true, 0));
        }
    }

    @POST
    @Path("board/incidents/{id}/assign")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Assign a named responder (with replaces: reassign), on dispatch as the signed-in user")
    public TemplateInstance assign(@HeaderParam(CSRF_HEADER) String csrf, @PathParam("id") String id,
            @FormParam("responderId") String responderId, @FormParam("reason") String reason,
            @FormParam("replaces") String replaces, @Context UriInfo uri) {
        BoardUser user = acting(csrf, uri);
        UUID incident = uuid("id", id, uri);
        UUID responder = uuid("responderId", responderId, uri);
        UUID replaced = replaces == null || replaces.isBlank() ? null : uuid("replaces", replaces, uri);
        return call(() -> dispatch.assign(bearer(user), incident, new DispatchClient.Assign(responder, reason,
                replaced)));
    }

    @POST
    @Path("board/incidents/{id}/cancel")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Cancel the incident with a reason, on dispatch as the signed-in user")
    public TemplateInstance cancel(@HeaderParam(CSRF_HEADER) String csrf, @PathParam("id") String id,
            @FormParam("reason") String reason, @FormParam("comment") String comment, @Context UriInfo uri) {
        BoardUser user = acting(csrf, uri);
        UUID incident = uuid("id", id, uri);
        if (reason == null || Arrays.stream(CancelReason.values()).noneMatch(r -> r.name().equals(reason))) {
            throw invalid("reason", "one of " + Arrays.toString(CancelReason.values()), uri);
        }
        String kept = comment == null || comment.isBlank() ? null : comment;
        return call(() -> dispatch.cancel(bearer(user), incident, new DispatchClient.Cancel(reason, kept)));
    }

    @POST
    @Path("board/incidents/{id}/notes")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Add a note to the incident, on dispatch as the signed-in user")
    public TemplateInstance note(@HeaderParam(CSRF_HEADER) String csrf, @PathParam("id") String id,
            @FormParam("text") String text, @Context UriInfo uri) {
        BoardUser user = acting(csrf, uri);
        UUID incident = uuid("id", id, uri);
        return call(() -> dispatch.note(bearer(user), incident, new DispatchClient.Note(text)));
    }

    /**
     * The signed-in user with the bearer to act with: a link's session, or an OIDC session's with the current access
     * token of the same user's OIDC session (gone or another user's: not signed in).
     */
    private Optional<BoardUser> current() {
        return sessions.find(sessionCookie).flatMap(user -> !user.oidc() ? Optional.of(user)
                : accessToken().filter(token -> user.subject().equals(oidcSubject())).map(user::withBearer));
    }

    private Optional<String> accessToken() {
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        return Optional.ofNullable(token).map(AccessTokenCredential::getToken);
    }

    private String oidcSubject() {
        return identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getSubject() != null ? jwt.getSubject() : identity.getPrincipal().getName();
    }

    /** The signed-in user, or a 401 problem. */
    private BoardUser signedIn(UriInfo uri) {
        return current().orElseThrow(() -> new WebApplicationException(
                Problem.of(Response.Status.UNAUTHORIZED, "sign in to the board first", uri.getPath()).toResponse()));
    }

    /** The signed-in user taking an action: the request must carry the session's CSRF token, or it is a 403. */
    private BoardUser acting(String csrf, UriInfo uri) {
        BoardUser user = signedIn(uri);
        if (csrf == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                user.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new WebApplicationException(Problem.of(Response.Status.FORBIDDEN,
                    "missing or wrong " + CSRF_HEADER + " header", uri.getPath()).toResponse());
        }
        return user;
    }

    /** Calls dispatch and shows its answer: accepted, or its problem's title, detail and field errors. */
    private TemplateInstance call(Supplier<Response> call) {
        try (Response answer = call.get()) {
            if (answer.getStatus() < 300) {
                return localized(Templates.result(null, null, null, List.of()));
            }
            return localized(problem(answer.getStatus(), answer.readEntity(String.class)));
        } catch (WebApplicationException e) {
            return localized(problem(e.getResponse().getStatus(), e.getResponse().readEntity(String.class)));
        } catch (ProcessingException e) {
            LOG.warnf("dispatch cannot be reached: %s", e.getMessage());
            return localized(Templates.result(0, null, null, List.of()));
        }
    }

    private TemplateInstance problem(int status, String body) {
        try {
            JsonNode problem = json.readTree(body == null ? "{}" : body);
            List<String> errors = StreamSupport.stream(problem.path("errors").spliterator(), false)
                            .map(e -> e.path("field").asText() + ": " + e.path("message").asText()).toList();
            return Templates.result(status, problem.path("title").asText(null), problem.path("detail").asText(null),
                    errors);
        } catch (IOException e) {
            return Templates.result(status, null, null, List.of());
        }
    }

    private static String bearer(BoardUser user) {
        return "Bearer " + user.bearer();
    }

    private static UUID uuid(String field, String value, UriInfo uri) {
        try {
            return UUID.fromString(value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(field, "a UUID", uri);
        }
    }

    private static WebApplicationException invalid(String field, String what, UriInfo uri) {
        return new WebApplicationException(Problem.invalid(field + " must be " + what, uri.getPath(),
                List.of(new Problem.FieldError(field, "must be " + what))).toResponse());
    }

    private Response signIn(Response.Status status, SignInRefused.Reason refused) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(localized(Templates.signIn(refused, oidc, locale().getLanguage(), BoardLanguage.SUPPORTED))).build();
    }

    private NewCookie sessionCookie(String value, int maxAge) {
        return new NewCookie.Builder(SESSION_COOKIE).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure(secureCookie).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private Locale locale() {
        return BoardLanguage.choose(languageCookie, headers.getAcceptableLanguages());
    }

    private TemplateInstance localized(TemplateInstance template) {
        return template.setLocale(locale());
    }
}
