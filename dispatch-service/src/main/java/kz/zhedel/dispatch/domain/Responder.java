package kz.zhedel.dispatch.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import kz.zhedel.events.Contact;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;

/** A member of the rapid response group: psychologist, juvenile inspector, prosecutor or social worker. */
@Entity
@Table(name = "responder")
public class Responder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResponderRole role;

    @ElementCollection
    @CollectionTable(name = "responder_district", joinColumns = @JoinColumn(name = "responder_id"))
    @OrderColumn(name = "position")
    @Enumerated(EnumType.STRING)
    @Column(name = "district", nullable = false)
    public List<District> districts = new ArrayList<>();

    /** In order of preference: the first is used when the child's language is not among them. */
    @ElementCollection
    @CollectionTable(name = "responder_language", joinColumns = @JoinColumn(name = "responder_id"))
    @OrderColumn(name = "position")
    @Enumerated(EnumType.STRING)
    @Column(name = "language", nullable = false)
    public List<Language> languages = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "responder_contact", joinColumns = @JoinColumn(name = "responder_id"))
    @OrderColumn(name = "position")
    public List<ResponderContact> contacts = new ArrayList<>();

    /** False once deactivated: never chosen again (shift, rotation or override) until re-activated. */
    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "deactivated_reason")
    public String deactivatedReason;

    public boolean covers(District district) {
        return districts.contains(district);
    }

    public boolean speaks(Language language) {
        return languages.contains(language);
    }

    /** The language a page to this responder is written in: the child's if the responder speaks it. */
    public Language pageLanguage(Language childLanguage) {
        return speaks(childLanguage) ? childLanguage : languages.get(0);
    }

    public List<Contact> contactList() {
        return contacts.stream().map(ResponderContact::toContact).toList();
    }

    public static List<Responder> byRole(ResponderRole role) {
        return role == null ? list("order by name, id") : list("role = ?1 order by name, id", role);
    }

    /** Active responders of the role with a shift covering the moment, in id order. */
    public static List<Responder> onShift(ResponderRole role, Instant at) {
        return list("role = ?1 and active = true"
                + " and id in (select s.responderId from Shift s where s.startsAt <= ?2 and s.endsAt > ?2)"
                + " order by id", role, at);
    }
}
