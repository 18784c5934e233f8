package kz.zhedel.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.PageRequested;
import kz.zhedel.testing.RealInfrastructure;

/** With the poll practically switched off, only the wakes can move a page: on commit and after each send. */
@QuarkusTest
@TestProfile(WakeOnCommitTest.NoPoll.class)
@WithTestResource(RealInfrastructure.class)
class WakeOnCommitTest {

    public static class NoPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("zhedel.delivery.poll-interval", "1h");
        }
    }

    private static final PagerReceiver pager = new PagerReceiver();

    @AfterAll
    static void stopPager() {
        pager.close();
    }

    @Test
    void pageLeavesOnCommitAndFailsOverWithoutWaitingForThePoll() {
        pager.script("/pager/refused", 410);
        PageRequested request = Dispatch.request(new Contact(Channel.WEBHOOK, pager.url("/pager/refused")),
                new Contact(Channel.WEBHOOK, pager.url("/pager/next")));

        await().atMost(Duration.ofSeconds(10)).until(() -> pager.at("/pager/next").size() == 1);
        assertEquals(1, pager.at("/pager/refused").size());
        JsonPath pages = OpsApi.pages(request.incidentId());
        assertEquals("DELIVERED", pages.getString("[0].status"));
    }
}
