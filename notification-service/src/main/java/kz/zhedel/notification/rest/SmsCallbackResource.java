package kz.zhedel.notification.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import kz.zhedel.notification.channel.SmsGateway;
import kz.zhedel.notification.config.GatewayConfig;
import kz.zhedel.notification.service.Acknowledgements;
import kz.zhedel.notification.service.DeliveryLedger;

/**
 * What the SMS gateways post back, each in its own format: delivery receipts, and the responders' replies
 * ("1234 1" acknowledges, "1234 2" declines). The gateway proves itself with {@code ?key=<zhedel.sms.callback-key>}.
 */
@Path("/callbacks/sms/{provider}")
@PermitAll
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class SmsCallbackResource {

    /** What a callback changed: receipts applied, or the answer to a reply. */
    public record CallbackResult(String result) {
    }

    @Inject
    Instance<SmsGateway> gateways;

    @Inject
    GatewayConfig config;

    @Inject
    DeliveryLedger ledger;

    @Inject
    Acknowledgements acknowledgements;

    @POST
    @Path("/status")
    @Operation(summary = "A gateway's delivery receipt: the message DELIVERED or FAILED")
    public CallbackResult receipt(@PathParam("provider") String provider, MultivaluedMap<String, String> form,
            @Context UriInfo uri) {
        SmsGateway gateway = gateway(provider, uri);
        return gateway.receipt(fields(form, uri))
                .map(receipt -> new CallbackResult("applied to " + ledger.receipt(gateway.name(), receipt)))
                .orElse(new CallbackResult("ignored"));
    }

    @POST
    @Path("/inbound")
    @Operation(summary = "A text a responder sent: an SMS reply code acknowledges or declines a page")
    public CallbackResult inbound(@PathParam("provider") String provider, MultivaluedMap<String, String> form,
            @Context UriInfo uri) {
        return gateway(provider, uri).inbound(fields(form, uri))
                .map(sms -> new CallbackResult(acknowledgements.bySms(sms.phone(), sms.text()).outcome().name()))
                .orElse(new CallbackResult("ignored"));
    }

    private SmsGateway gateway(String provider, UriInfo uri) {
        String key = uri.getQueryParameters().getFirst("key");
        if (config.callbackKey().isEmpty() || key == null || !MessageDigest.isEqual(
                config.callbackKey().get().getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("wrong or missing callback key");
        }
        return gateways.stream().filter(g -> g.name().equals(provider)).findFirst()
                .orElseThrow(() -> new NotFoundException("no SMS gateway " + provider));
    }

    /** Form fields, and query parameters for gateways that put them in the URL. */
    private static Map<String, String> fields(MultivaluedMap<String, String> form, UriInfo uri) {
        Map<String, String> fields = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> fields.put(name, values.get(0)));
        form.forEach((name, values) -> fields.put(name, values.get(0)));
        fields.remove("key");
        return fields;
    }
}
