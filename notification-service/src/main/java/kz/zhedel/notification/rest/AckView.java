package kz.zhedel.notification.rest;

import java.util.List;

/**
 * The responder's page, already in their words: the assignment (never the child's data), the team, a note on
 * what just happened, and the one or two steps the link offers now.
 */
public record AckView(String lang, String incidentId, String category, String severity, String severityMeaning,
        String district, String role, String deadline, String remaining, boolean overdue, List<Member> team,
        Integer linkedIncidents, String note, List<Button> buttons) {

    /** Another role of the team and where it stands. */
    public record Member(String role, String state, String css) {
    }

    /** A plain form: POSTs to {@code action} (relative to the link), no script needed. */
    public record Button(String action, String label, String css) {
    }
}
