package kz.zhedel.intake.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One read of an incident's personal data: who, in which role, when and why. */
@Entity
@Table(name = "access_audit")
public class AccessAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    @Column(nullable = false)
    public String principal;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public Instant at;
}
