package kz.zhedel.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.Language;
import kz.zhedel.testing.RealInfrastructure;

/**
 * The global cap per SMS provider: once the first gateway has sent its share in the window, further texts go to the
 * second one, whoever they are for (each page here is for another responder, so the per-responder limit plays no part).
 */
@QuarkusTest
@TestProfile(ProviderCapTest.CapOfTwo.class)
@WithTestResource(RealInfrastructure.class)
@WithTestResource(Gateways.class)
class ProviderCapTest {

    private static final String SMSC = "/smsc/sys/send.php";
    private static final String MOBIZON = "/mobizon/service/message/sendsmsmessage";

    public static class CapOfTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // one sender: the cap counts texts already sent, so concurrent senders may overshoot it by their number
            return Map.of("zhedel.sms.provider-cap", "2", "zhedel.sms.provider-window", "1h",
                    "zhedel.delivery.concurrency", "1");
        }
    }

    @Test
    void textsBeyondTheFirstProvidersCapGoToTheSecond() {
        Gateways.http.resetAll();
        Gateways.http.stubFor(post(urlPathEqualTo(SMSC)).willReturn(okJson("{\"id\":7101,\"cnt\":1}")));
        Gateways.http.stubFor(post(urlPathEqualTo(MOBIZON)).willReturn(okJson(
                "{\"code\":0,\"data\":{\"campaignId\":\"1\",\"messageId\":\"m-9101\",\"status\":1},\"message\":\"\"}")));

        for (int i = 0; i < 4; i++) {
            Dispatch.request(UUID.randomUUID(), Language.RU, new Contact(Channel.SMS, "+7 701 555 02" + (10 + i)));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> requests(SMSC) + requests(MOBIZON) == 4);
        assertEquals(2, requests(SMSC), "the first provider up to its cap");
        assertEquals(2, requests(MOBIZON), "the rest through the second");
    }

    private static int requests(String path) {
        return Gateways.http.findAll(postRequestedFor(urlPathEqualTo(path))).size();
    }
}
