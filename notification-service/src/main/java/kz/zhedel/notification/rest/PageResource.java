package kz.zhedel.notification.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import kz.zhedel.notification.domain.Delivery;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.notification.service.AckTokens;
import kz.zhedel.platform.security.Roles;

@Path("/api/v1/pages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class PageResource {

    @Inject
    AckTokens tokens;

    @GET
    @Operation(summary = "The pages of an incident, oldest first, with the delivery through each contact")
    public List<PageView> ofIncident(@Valid @BeanParam PagesQuery query) {
        List<Page> pages = Page.ofIncident(query.incident());
        Map<UUID, List<Delivery>> deliveries = Delivery.ofPages(pages.stream().map(p -> p.id).toList()).stream()
                .collect(Collectors.groupingBy(d -> d.pageId));
        return pages.stream()
                .map(p -> PageView.of(p, tokens.url(p.id, p.ackExpiresAt), deliveries.getOrDefault(p.id, List.of())))
                .toList();
    }
}
