package kz.zhedel.intake.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.Severity;

/**
 * A partner's report about a child. Names, birth year, phone and summary are encrypted by
 * {@link PersonalDataCipher}; after retention they are erased (null) and the classification stays.
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(name = "external_ref", nullable = false)
    public String externalRef;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    public District district;

    @Column(name = "school_id")
    public String schoolId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    public IncidentStatus status;

    @Convert(converter = SealedYear.class)
    @Column(name = "child_birth_year")
    public Integer childBirthYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "child_gender")
    public Gender childGender;

    @Enumerated(EnumType.STRING)
    @Column(name = "child_language", nullable = false)
    public Language childLanguage;

    @Convert(converter = PersonalDataCipher.class)
    @Column(name = "child_first_name")
    public String childFirstName;

    @Convert(converter = PersonalDataCipher.class)
    @Column(name = "child_last_name")
    public String childLastName;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporter_role")
    public ReporterRole reporterRole;

    @Convert(converter = PersonalDataCipher.class)
    @Column(name = "reporter_name")
    public String reporterName;

    @Convert(converter = PersonalDataCipher.class)
    @Column(name = "reporter_phone")
    public String reporterPhone;

    @Convert(converter = PersonalDataCipher.class)
    public String summary;

    /** HMAC of the normalized name and birth year ({@code ChildKey}): links reports about one child, names none. */
    @Column(name = "child_key")
    public String childKey;

    /** When the incident was closed (resolved); retention counts from here. */
    @Column(name = "closed_at")
    public Instant closedAt;

    /** When retention erased the personal data; the classification stays for the statistics. */
    @Column(name = "personal_data_erased_at")
    public Instant personalDataErasedAt;

    public static Incident findOwned(UUID id, String partnerId) {
        return find("id = ?1 and partnerId = ?2", id, partnerId).firstResult();
    }
}
