package kz.zhedel.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import kz.zhedel.events.Channel;
import kz.zhedel.events.Language;
import kz.zhedel.notification.channel.PageMessage;
import kz.zhedel.notification.domain.Delivery;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.notification.domain.PageStatus;

class ClaimTest {

    private static final UUID RESPONDER = UUID.randomUUID();

    private static Page page(Language language, String traceParent) {
        Page page = new Page();
        page.id = UUID.randomUUID();
        page.incidentId = UUID.randomUUID();
        page.assignmentId = UUID.randomUUID();
        page.responderId = RESPONDER;
        page.responderLanguage = language;
        page.status = PageStatus.REQUESTED;
        page.traceParent = traceParent;
        return page;
    }

    private static Delivery delivery(Page page, long id, int attempts) {
        Delivery delivery = Delivery.pending(page, 0, Channel.SMS, "+77010000000");
        delivery.id = id;
        delivery.attempts = attempts;
        return delivery;
    }

    private static PageMessage message(Page page) {
        return new PageMessage(page.id, page.incidentId, page.assignmentId, null, null, null, page.textLanguage(),
                null, "1234", "https://notify.example/ack/" + page.id, null);
    }

    private static Function<UUID, Page> lookup(Page... pages) {
        Map<UUID, Page> byId = Stream.of(pages).collect(Collectors.toMap(p -> p.id, p -> p));
        return byId::get;
    }

    @Test
    void heldPagesToOneContactLeaveAsOneMessageInTheFirstPagesLanguageAndTrace() {
        Page first = page(Language.RU, "00-first-01");
        Page second = page(Language.KK, "00-second-01");
        Page third = page(Language.KK, "00-third-01");
        List<Delivery> bundle = List.of(delivery(first, 7, 0), delivery(second, 9, 2), delivery(third, 12, 0));

        Claim claim = Claim.of(bundle, lookup(first, second, third), ClaimTest::message);

        assertTrue(claim.notice().bundled());
        assertEquals(List.of(first.id, second.id, third.id),
                claim.notice().pages().stream().map(PageMessage::pageId).toList(), "each incident, in order");
        assertEquals("+77010000000", claim.notice().address());
        assertEquals(Language.RU, claim.notice().language());
        assertEquals("00-first-01", claim.trace().traceparent());
        assertEquals(List.of(new Claim.Held(7, first.id, 0), new Claim.Held(9, second.id, 2),
                new Claim.Held(12, third.id, 0)), claim.held());
        assertEquals(RESPONDER, claim.responderId());
        assertEquals(Channel.SMS, claim.channel());
        assertEquals(7, claim.firstDeliveryId());
    }

    @Test
    void aSingleDeliveryIsOneMessageOfItsOwn() {
        Page page = page(Language.KK, null);

        Claim claim = Claim.of(List.of(delivery(page, 3, 1)), lookup(page), ClaimTest::message);

        assertFalse(claim.notice().bundled());
        assertEquals(page.id, claim.notice().first().pageId());
        assertEquals(List.of(new Claim.Held(3, page.id, 1)), claim.held());
    }
}
