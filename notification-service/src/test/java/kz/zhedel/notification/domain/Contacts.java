package kz.zhedel.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kz.zhedel.events.Channel;

/** A page with its contacts, as the unit tests of the delivery's transitions and its failover build them. */
final class Contacts {

    static final Instant REQUESTED = Instant.parse("2026-11-25T10:00:00Z");

    final Page page = new Page();
    final List<Delivery> deliveries = new ArrayList<>();

    Contacts() {
        page.id = UUID.randomUUID();
        page.incidentId = UUID.randomUUID();
        page.assignmentId = UUID.randomUUID();
        page.responderId = UUID.randomUUID();
        page.status = PageStatus.REQUESTED;
    }

    /** A backup: due at once when it is the first contact, else when the one before it fails. */
    Contacts backup(Channel channel) {
        Delivery delivery = add(channel);
        if (delivery.position == 0) {
            delivery.timedStep(Duration.ZERO, REQUESTED);
        }
        return this;
    }

    Contacts timedStep(Channel channel, Duration delay) {
        add(channel).timedStep(delay, REQUESTED);
        return this;
    }

    Delivery at(int position) {
        return deliveries.get(position);
    }

    Failover failover() {
        return new Failover(deliveries);
    }

    private Delivery add(Channel channel) {
        Delivery delivery = Delivery.pending(page, deliveries.size(), channel, "address-" + deliveries.size());
        delivery.id = (long) deliveries.size() + 1;
        deliveries.add(delivery);
        return delivery;
    }
}
