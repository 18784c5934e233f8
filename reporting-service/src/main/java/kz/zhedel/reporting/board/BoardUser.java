package kz.zhedel.reporting.board;

/**
 * Who is signed in to the board: subject and role (coordinator or ops), the session's CSRF token every action must
 * carry, and the bearer token reporting calls dispatch with on their behalf (never sent to the browser).
 */
public record BoardUser(String subject, String role, String csrfToken, String bearer) {
}
