package kz.zhedel.notification.rest;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

import kz.zhedel.events.Language;
import kz.zhedel.events.PageProgressed;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.notification.domain.PageStatus;
import kz.zhedel.notification.service.AckTokens;
import kz.zhedel.notification.service.AckTokens.AckToken;
import kz.zhedel.notification.service.Acknowledgements;
import kz.zhedel.notification.service.Acknowledgements.Answer;
import kz.zhedel.notification.service.Acknowledgements.Choice;
import kz.zhedel.notification.texts.Msg;
import kz.zhedel.notification.texts.Texts;
import kz.zhedel.platform.rest.Problem;

/**
 * The link in a page: the responder's page, and its steps (acknowledge or decline, then on scene, then resolved),
 * each once and in order. No API key and no form token: the signed token in the URL is the credential, it only
 * lets its holder act on that one page, and a cross-site form cannot know it. Browsers get HTML (a step answers
 * with a redirect to the page, so a reload repeats nothing), API clients JSON and problem+json.
 */
@Path("/ack/{token}")
@PermitAll
public class AckResource {

    private static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(AckView view);

        static native TemplateInstance message(String lang, String text);
    }

    @Inject
    AckTokens tokens;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    ResponderPage pages;

    @Inject
    Clock clock;

    /** What the page and each of its steps take from the request. */
    public static class Link {
        @PathParam("token")
        String token;

        @QueryParam("lang")
        String lang;

        @Context
        HttpHeaders headers;

        @Context
        UriInfo uri;
    }

    @GET
    @Operation(summary = "The responder's page behind the link, with the steps it offers now (HTML)")
    public Response show(@BeanParam Link link) {
        Optional<AckToken> token = tokens.read(link.token);
        Page page = token.map(t -> Page.<Page>findById(t.pageId())).orElse(null);
        String texts = language(link, page);
        if (page == null) {
            return refuse(Status.NOT_FOUND, texts, link);
        }
        if (expired(token.get())) {
            return refuse(Status.GONE, texts, link);
        }
        return html(Status.OK, Templates.page(pages.view(page, link.token, texts, null)), texts);
    }

    @POST
    @Operation(summary = "Acknowledge the page: once; 409 when already answered or ended, 410 when the link expired")
    public Response acknowledge(@BeanParam Link link) {
        return step(link, id -> acknowledgements.answer(id, Choice.ACKNOWLEDGE,
                Acknowledgements.Path.LINK));
    }

    @POST
    @Path("/decline")
    @Operation(summary = "Decline the page (dispatch reassigns): once; 409 when already answered, 410 when expired")
    public Response decline(@BeanParam Link link) {
        return step(link, id -> acknowledgements.answer(id, Choice.DECLINE,
                Acknowledgements.Path.LINK));
    }

    @POST
    @Path("/on-scene")
    @Operation(summary = "The responder arrived (after acknowledging): once; 409 out of order, again or ended")
    public Response onScene(@BeanParam Link link) {
        return step(link, id -> acknowledgements.progress(id, PageProgressed.Stage.ON_SCENE));
    }

    @POST
    @Path("/resolved")
    @Operation(summary = "The responder's part is done (after on scene): once; the link then ends")
    public Response resolved(@BeanParam Link link) {
        return step(link, id -> acknowledgements.progress(id, PageProgressed.Stage.RESOLVED));
    }

    private Response step(Link link, Function<UUID, Answer> step) {
        Optional<AckToken> token = tokens.read(link.token);
        if (token.isEmpty() || expired(token.get())) {
            return refuse(token.isEmpty() ? Status.NOT_FOUND : Status.GONE, language(link, null), link);
        }
        Answer answer = step.apply(token.get().pageId());
        Page page = answer.page();
        String texts = language(link, page);
        boolean browser = wantsHtml(link.headers);
        return switch (answer.outcome()) {
            case UNKNOWN_PAGE, EXPIRED -> refuse(Status.NOT_FOUND, texts, link);
            case ALREADY_ANSWERED -> browser
                    ? html(Status.CONFLICT, Templates.page(pages.view(page, link.token, texts, refused(page, texts))),
                            texts)
                    : problem(Status.CONFLICT, conflict(page), link.uri);
            // redirect after post: the page shows what happened, and a reload posts nothing again
            case ANSWERED -> browser
                    ? Response.seeOther(URI.create("ack/" + link.token + "?lang=" + texts)).build()
                    : Response.ok(new AckResult(page.id, page.incidentId, page.status, page.progress()),
                            MediaType.APPLICATION_JSON).build();
        };
    }

    private static String refused(Page page, String lang) {
        Msg msg = Texts.in(lang);
        return page.progress() == Page.Progress.ENDED ? msg.ended() : msg.alreadyDone();
    }

    private static String conflict(Page page) {
        if (page.status == PageStatus.WITHDRAWN || page.status == PageStatus.DECLINED
                || page.progress() == Page.Progress.ACKNOWLEDGED && page.onSceneAt == null) {
            return "page " + page.id + " was already " + page.status.name().toLowerCase(Locale.ROOT)
                    + ": nothing changed";
        }
        if (page.progress() == Page.Progress.ENDED) {
            return "the assignment of page " + page.id + " has ended: nothing changed";
        }
        return "page " + page.id + " is " + page.progress().name().toLowerCase(Locale.ROOT)
                + ": that step is not its next one, nothing changed";
    }

    private boolean expired(AckToken link) {
        return !clock.instant().isBefore(link.expiresAt());
    }

    private static String language(Link link, Page page) {
        Language responders = page == null ? null : page.textLanguage();
        return ResponderPage.language(link.lang, link.headers.getAcceptableLanguages(), responders);
    }

    private static Response refuse(Status status, String lang, Link link) {
        boolean gone = status == Status.GONE;
        if (wantsHtml(link.headers)) {
            Msg msg = Texts.in(lang);
            return html(status, Templates.message(lang, gone ? msg.expired() : msg.invalid()), lang);
        }
        return problem(status, gone ? "this acknowledgement link has expired"
                : "unknown or altered acknowledgement link", link.uri);
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

    private static Response html(Status status, TemplateInstance page, String lang) {
        return Response.status(status).type(HTML_UTF8).entity(page.setLocale(Texts.locale(lang)).render())
                // the token is in the URL: keep it out of caches, referrers and search engines
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; form-action 'self'; "
                        + "base-uri 'none'; frame-ancestors 'none'")
                .build();
    }
}
