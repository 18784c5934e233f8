package kz.zhedel.reporting.board;

/** A sign-in link that does not open the board; {@code reason} is the message key the sign-in page shows. */
public class SignInRefused extends RuntimeException {

    public enum Reason {
        INVALID, EXPIRED, USED, ROLE
    }

    private final Reason reason;

    public SignInRefused(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
