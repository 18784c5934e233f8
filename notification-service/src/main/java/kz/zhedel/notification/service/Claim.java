package kz.zhedel.notification.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import kz.zhedel.events.Channel;
import kz.zhedel.notification.channel.Notice;
import kz.zhedel.notification.channel.PageMessage;
import kz.zhedel.notification.domain.Delivery;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.platform.tracing.TraceParent;

/**
 * One message this instance sends and holds until its lease ends: one delivery, or several to the same contact
 * bundled because the responder's rate limit held them. {@code trace} is the first page's, which the send continues.
 */
public record Claim(List<Held> held, UUID responderId, Channel channel, Notice notice, TraceParent trace) {

    /** A delivery in the message; {@code attempts} at the claim tells a stale result from a live one. */
    public record Held(long deliveryId, UUID pageId, int attempts) {
    }

    /**
     * The message for {@code deliveries} (one, or a bundle to one contact, in order): one notice listing each page, in
     * the first page's language, to the first delivery's address.
     */
    public static Claim of(List<Delivery> deliveries, Function<UUID, Page> pages, Function<Page, PageMessage> message) {
        List<Held> held = new ArrayList<>();
        List<PageMessage> messages = new ArrayList<>();
        Page first = null;
        for (Delivery delivery : deliveries) {
            Page page = pages.apply(delivery.pageId);
            first = first == null ? page : first;
            held.add(new Held(delivery.id, page.id, delivery.attempts));
            messages.add(message.apply(page));
        }
        Delivery one = deliveries.get(0);
        return new Claim(held, one.responderId, one.channel, new Notice(messages, one.address, first.textLanguage()),
                first.trace());
    }

    public long firstDeliveryId() {
        return held.get(0).deliveryId();
    }
}
