package kz.zhedel.notification.channel;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.zhedel.notification.channel.GatewayHttp.Unreachable;
import kz.zhedel.notification.channel.SmsGateway.GatewayDown;

/**
 * An SMS gateway's answer to a posted form: its JSON on a 200. A gateway that does not answer, answers a status
 * worth another try ({@link GatewayHttp#isTransient}) or no JSON is down ({@link GatewayDown}); any other status
 * refuses the message.
 */
record GatewayAnswer(int status, JsonNode json) {

    static GatewayAnswer post(GatewayHttp http, ObjectMapper mapper, URI target, Map<String, String> form) {
        HttpResponse<String> response;
        try {
            response = http.postForm(target, form);
        } catch (Unreachable e) {
            throw new GatewayDown(e.getMessage());
        }
        if (GatewayHttp.isTransient(response.statusCode())) {
            throw new GatewayDown("HTTP " + response.statusCode());
        }
        if (response.statusCode() != 200) {
            return new GatewayAnswer(response.statusCode(), null);
        }
        try {
            return new GatewayAnswer(200, mapper.readTree(response.body()));
        } catch (JsonProcessingException e) {
            throw new GatewayDown("no JSON answer");
        }
    }

    boolean refused() {
        return status != 200;
    }
}
