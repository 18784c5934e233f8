package kz.zhedel.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import kz.zhedel.events.Channel;
import kz.zhedel.events.PageDelivered;

class PageTest {

    private static final Instant SENT = Instant.parse("2026-11-25T10:00:00Z");

    private static Page requested() {
        Page page = new Page();
        page.id = UUID.randomUUID();
        page.incidentId = UUID.randomUUID();
        page.assignmentId = UUID.randomUUID();
        page.responderId = UUID.randomUUID();
        page.status = PageStatus.REQUESTED;
        return page;
    }

    @Test
    void theFirstDeliveryIsAnnouncedOnceAndMakesThePageDelivered() {
        Page page = requested();
        assertEquals(new PageDelivered(page.incidentId, page.id, page.assignmentId, Channel.WEBHOOK, SENT),
                page.delivered(Channel.WEBHOOK, SENT).orElseThrow());
        assertEquals(PageStatus.DELIVERED, page.status);
        assertTrue(page.delivered(Channel.EMAIL, SENT.plusSeconds(60)).isEmpty(), "the next step announces nothing");
        assertEquals(SENT, page.deliveredAt);
    }

    @Test
    void anAnswerThatOvertookTheDeliveryRecordKeepsItsStatusAndTheDeliveryIsStillAnnounced() {
        Page page = requested();
        page.acknowledge(SENT.plusMillis(5));
        assertEquals(SENT, page.delivered(Channel.WEBHOOK, SENT).orElseThrow().deliveredAt());
        assertEquals(PageStatus.ACKNOWLEDGED, page.status);
    }

    @Test
    void aWithdrawnPageAnnouncesNoLateDelivery() {
        Page page = requested();
        page.withdraw();
        assertTrue(page.delivered(Channel.WEBHOOK, SENT).isEmpty());
        assertEquals(PageStatus.WITHDRAWN, page.status);
    }
}
