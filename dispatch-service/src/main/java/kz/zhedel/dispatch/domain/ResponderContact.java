package kz.zhedel.dispatch.domain;

import java.time.Duration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;

/** One way to reach a responder, stored in the order it should be tried, with its optional delay. */
@Embeddable
public class ResponderContact {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(nullable = false)
    public String address;

    /** Seconds after the page request; null: at once for the first contact, as a backup for a later one. */
    @Column(name = "delay_seconds")
    public Integer delaySeconds;

    public static ResponderContact of(Channel channel, String address) {
        return of(channel, address, null);
    }

    public static ResponderContact of(Channel channel, String address, Duration delay) {
        ResponderContact contact = new ResponderContact();
        contact.channel = channel;
        contact.address = address;
        contact.delaySeconds = delay == null ? null : Math.toIntExact(delay.toSeconds());
        return contact;
    }

    public Contact toContact() {
        return new Contact(channel, address, delaySeconds == null ? null : Duration.ofSeconds(delaySeconds));
    }
}
