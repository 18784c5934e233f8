package kz.zhedel.dispatch.rest;

import java.util.List;
import java.util.UUID;

import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.events.Contact;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;

/** A responder; {@code active} false once deactivated, with the reason ops gave. */
public record ResponderView(UUID id, String name, ResponderRole role, List<District> districts,
        List<Language> languages, List<Contact> contacts, boolean active, String deactivatedReason) {

    public static ResponderView of(Responder responder) {
        return new ResponderView(responder.id, responder.name, responder.role, List.copyOf(responder.districts),
                List.copyOf(responder.languages), responder.contactList(), responder.active,
                responder.deactivatedReason);
    }
}
