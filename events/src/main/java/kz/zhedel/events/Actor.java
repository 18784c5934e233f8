package kz.zhedel.events;

/**
 * Who performed a step: the caller's {@code subject} (a responder's UUID, a coordinator's or ops user's name, an API
 * key's principal) and the {@code role} they acted in ({@code responder}, {@code coordinator}, {@code ops}). Events
 * whose actor is null were taken by the system itself: the team rules, a timer, a page report.
 */
public record Actor(String subject, String role) {
}
