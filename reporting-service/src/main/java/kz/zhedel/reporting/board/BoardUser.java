package kz.zhedel.reporting.board;

/**
 * Who is signed in to the board: subject and role (coordinator or ops), the session's CSRF token every action must
 * carry, and the bearer token reporting calls dispatch with on their behalf (never sent to the browser). A session
 * opened through OIDC has no bearer of its own until the request's OIDC access token is added ({@link #withBearer}).
 */
public record BoardUser(String subject, String role, String csrfToken, String bearer) {

    /** Opened through OIDC: the bearer is the OIDC session's access token. */
    public boolean oidc() {
        return bearer == null;
    }

    public BoardUser withBearer(String accessToken) {
        return new BoardUser(subject, role, csrfToken, accessToken);
    }
}
