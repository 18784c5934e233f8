package kz.zhedel.reporting.rest;

/** A query parameter the client got wrong; answered as a 400 problem naming it. */
public class InvalidParameter extends RuntimeException {

    private final String parameter;

    public InvalidParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
