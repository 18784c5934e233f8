package kz.zhedel.intake.rest;

import java.time.Instant;
import java.util.UUID;

import kz.zhedel.events.Category;
import kz.zhedel.intake.domain.Incident;
import kz.zhedel.intake.domain.IncidentLink;
import kz.zhedel.intake.domain.LinkStatus;

/** The other incident of a same-child link, as the coordinator sees it: classification only, no names. */
public record LinkView(UUID incidentId, String partnerId, Category category, Instant receivedAt, boolean earlier,
        LinkStatus status, String decidedBy, Instant decidedAt) {

    public static LinkView of(UUID from, IncidentLink link) {
        Incident other = Incident.findById(link.other(from));
        return new LinkView(other.id, other.partnerId, other.category, other.receivedAt,
                link.earlierId.equals(other.id), link.status, link.decidedBy, link.decidedAt);
    }
}
