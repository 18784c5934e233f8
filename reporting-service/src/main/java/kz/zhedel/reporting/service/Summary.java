package kz.zhedel.reporting.service;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ops team's exact figures for one period and filter; published statistics suppress small counts instead. */
public record Summary(
        @Schema(description = "Incidents reported in the period")
        long incidents,
        @Schema(description = "Incidents per category; categories without incidents are left out")
        Map<String, Long> byCategory,
        @Schema(description = "Incidents per district; districts without incidents are left out")
        Map<String, Long> byDistrict,
        @Schema(description = "Incidents per severity; severities without incidents are left out")
        Map<String, Long> bySeverity,
        @Schema(description = "Distinct children whose incident a psychologist acknowledged (not cancelled)")
        long childrenCounselled,
        Schools schools,
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
        @Schema(description = "Per severity: seconds from receipt to each step, as p50/p90/p99")
        Map<String, ResponseTimes> responseTimes,
        @Schema(description = "Per severity: acknowledged within the team rules' deadline or not")
        Map<String, Sla> sla,
        @Schema(description = "Failed pages per channel they tried")
        Map<String, Long> pageFailuresByChannel,
        Instant generatedAt) {

    public record Schools(
            @Schema(description = "Registered schools with at least one report in the period")
            long covered,
            @Schema(description = "Schools in the registry")
            long registered,
            @Schema(description = "Schools named by reports but not in the registry")
            long unknown,
            @Schema(description = "Reports naming a school the registry does not have")
            long reportsFromUnknownSchools) {
    }

    public record ResponseTimes(Percentiles assignment, Percentiles firstPageDelivered, Percentiles acknowledgement,
            Percentiles onScene, Percentiles resolution) {
    }

    /** Seconds (nearest rank); null without data. */
    public record Percentiles(long count, Long p50, Long p90, Long p99) {
    }

    public record Sla(long within, long breached, Double percentWithin) {
        static Sla of(long within, long breached) {
            return new Sla(within, breached,
                    within + breached == 0 ? null : Math.round(1000.0 * within / (within + breached)) / 10.0);
        }
    }
}
