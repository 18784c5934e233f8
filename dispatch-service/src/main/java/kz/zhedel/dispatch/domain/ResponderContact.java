package kz.zhedel.dispatch.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;

/** One way to reach a responder, stored in the order it should be tried. */
@Embeddable
public class ResponderContact {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(nullable = false)
    public String address;

    public static ResponderContact of(Channel channel, String address) {
        ResponderContact contact = new ResponderContact();
        contact.channel = channel;
        contact.address = address;
        return contact;
    }

    public Contact toContact() {
        return new Contact(channel, address);
    }
}
