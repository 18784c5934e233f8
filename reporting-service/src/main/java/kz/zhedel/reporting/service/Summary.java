package kz.zhedel.reporting.service;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ops team's exact figures for one period; published statistics will suppress small counts instead. */
public record Summary(
        @Schema(description = "Incidents reported in the period")
        long incidents,
        @Schema(description = "Incidents per category; categories without incidents are left out")
        Map<String, Long> byCategory,
        @Schema(description = "Incidents per district; districts without incidents are left out")
        Map<String, Long> byDistrict,
        @Schema(description = "Incidents per severity; severities without incidents are left out")
        Map<String, Long> bySeverity,
        @Schema(description = "Incidents with at least one responder assigned")
        long assigned,
        @Schema(description = "Incidents nobody could be assigned to, and still never assigned")
        long unassigned,
        @Schema(description = "Incidents with at least one page delivered")
        long paged,
        @Schema(description = "Incidents a responder acknowledged")
        long acknowledged,
        @Schema(description = "Incidents where a responder missed the acknowledgement deadline at least once")
        long escalated,
        @Schema(description = "Incidents whose whole team is done")
        long resolved,
        @Schema(description = "Incidents the duty coordinator cancelled (false, duplicate or withdrawn reports)")
        long cancelled,
        @Schema(description = "Median seconds from receipt to first assignment; null without assignments")
        Double medianSecondsToAssign,
        @Schema(description = "Median seconds from receipt to acknowledgement; null without acknowledgements")
        Double medianSecondsToAcknowledge,
        @Schema(description = "Median seconds from receipt to resolution; null without resolved incidents")
        Double medianSecondsToResolve,
        Instant generatedAt) {
}
