package kz.zhedel.notification.rest;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import kz.zhedel.notification.domain.Page;
import kz.zhedel.notification.rest.AckHtml.Lang;
import kz.zhedel.notification.service.AckTokens;
import kz.zhedel.notification.service.AckTokens.AckToken;
import kz.zhedel.notification.service.Acknowledgements;
import kz.zhedel.notification.service.Acknowledgements.Answer;
import kz.zhedel.notification.service.Acknowledgements.Choice;
import kz.zhedel.platform.rest.Problem;

/**
 * The link in a page. No API key: the signed token is the credential, and it only lets its holder answer that one
 * page (acknowledge or decline). Browsers get small HTML pages, API clients JSON and problem+json.
 */
@Path("/ack/{token}")
@PermitAll
public class AckResource {

    private static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";

    @Inject
    AckTokens tokens;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "The page behind the link, with Acknowledge and Decline buttons (HTML)")
    public Response show(@PathParam("token") String token, @QueryParam("lang") String lang,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Optional<AckToken> link = tokens.read(token);
        Page page = link.map(l -> Page.<Page>findById(l.pageId())).orElse(null);
        Lang texts = Lang.pick(lang, headers.getAcceptableLanguages(), page == null ? null : page.textLanguage());
        if (page == null) {
            return refuse(Status.NOT_FOUND, texts, headers, uri);
        }
        if (expired(link.get())) {
            return refuse(Status.GONE, texts, headers, uri);
        }
        return html(Status.OK, AckHtml.confirm(page, token, texts));
    }

    @POST
    @Operation(summary = "Acknowledge the page: once; 409 when already answered, 410 when the link expired")
    public Response acknowledge(@PathParam("token") String token, @QueryParam("lang") String lang,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return answer(token, Choice.ACKNOWLEDGE, lang, headers, uri);
    }

    @POST
    @Path("/decline")
    @Operation(summary = "Decline the page (dispatch reassigns): once; 409 when already answered, 410 when expired")
    public Response decline(@PathParam("token") String token, @QueryParam("lang") String lang,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return answer(token, Choice.DECLINE, lang, headers, uri);
    }

    private Response answer(String token, Choice choice, String lang, HttpHeaders headers, UriInfo uri) {
        Optional<AckToken> link = tokens.read(token);
        if (link.isEmpty() || expired(link.get())) {
            Lang texts = Lang.pick(lang, headers.getAcceptableLanguages(), null);
            return refuse(link.isEmpty() ? Status.NOT_FOUND : Status.GONE, texts, headers, uri);
        }
        Answer answer = acknowledgements.answer(link.get().pageId(), choice, Acknowledgements.Path.LINK);
        Page page = answer.page();
        Lang texts = Lang.pick(lang, headers.getAcceptableLanguages(), page == null ? null : page.textLanguage());
        boolean browser = wantsHtml(headers);
        return switch (answer.outcome()) {
            case UNKNOWN_PAGE, EXPIRED -> refuse(Status.NOT_FOUND, texts, headers, uri);
            case ALREADY_ANSWERED -> browser
                    ? html(Status.CONFLICT, AckHtml.already(page, texts))
                    : problem(Status.CONFLICT, "page " + page.id + " was already "
                            + page.status.name().toLowerCase(Locale.ROOT) + ": nothing changed", uri);
            case ANSWERED -> browser
                    ? html(Status.OK, AckHtml.thanks(page, texts))
                    : Response.ok(new AckResult(page.id, page.incidentId, page.status), MediaType.APPLICATION_JSON)
                            .build();
        };
    }

    private boolean expired(AckToken link) {
        return !clock.instant().isBefore(link.expiresAt());
    }

    private static Response refuse(Status status, Lang texts, HttpHeaders headers, UriInfo uri) {
        boolean gone = status == Status.GONE;
        if (wantsHtml(headers)) {
            return html(status, AckHtml.message(gone ? texts.expired : texts.invalid, texts));
        }
        return problem(status, gone ? "this acknowledgement link has expired"
                : "unknown or altered acknowledgement link", uri);
    }

    /**
     * A browser: it names text/html among the types it accepts, or it submitted the page's form without asking for
     * JSON (some HTTP clients label any body-less POST as a form).
     */
    private static boolean wantsHtml(HttpHeaders headers) {
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        if (accepted.stream().anyMatch(t -> "text".equals(t.getType()) && "html".equals(t.getSubtype()))) {
            return true;
        }
        if (accepted.stream().anyMatch(t -> t.getSubtype().equals("json") || t.getSubtype().endsWith("+json"))) {
            return false;
        }
        MediaType body = headers.getMediaType();
        return body != null && body.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

    private static Response problem(Status status, String detail, UriInfo uri) {
        return Problem.of(status, detail, uri.getPath()).toResponse();
    }

    private static Response html(Status status, String body) {
        return Response.status(status).type(HTML_UTF8).entity(body)
                // the token is in the URL: keep it out of caches, referrers and search engines
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .build();
    }
}
