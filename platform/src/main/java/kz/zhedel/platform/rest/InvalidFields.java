package kz.zhedel.platform.rest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Fields or query parameters a service's own checks found invalid, which bean validation of the request alone cannot
 * see (a participant of the wrong role, a period ending before it starts, a CSV's bad cells): answered as the same
 * 400 problem as a constraint violation, {@code errors[]} naming each (see {@link ProblemMapper}).
 */
public class InvalidFields extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    /** {@code detail} is the problem's {@code detail}. */
    protected InvalidFields(String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** Detail as bean validation's: {@code 2 invalid field(s): start, end}. */
    public InvalidFields(List<Problem.FieldError> errors) {
        this(errors.size() + " invalid field(s): "
                + errors.stream().map(Problem.FieldError::field).collect(Collectors.joining(", ")), errors);
    }

    public static InvalidFields of(String field, String message) {
        return new InvalidFields(List.of(new Problem.FieldError(field, message)));
    }

    /** A query parameter: detail {@code invalid parameter: from}. */
    public static InvalidFields parameter(String parameter, String message) {
        return new InvalidFields("invalid parameter: " + parameter,
                List.of(new Problem.FieldError(parameter, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Problem problem(String instance) {
        return Problem.invalid(getMessage(), instance, errors);
    }
}
