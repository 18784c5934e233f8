package kz.zhedel.dispatch.rest;

import java.util.List;

import kz.zhedel.platform.rest.Problem;

/**
 * Fields found invalid against stored state (a participant of the wrong role, an override for someone outside the
 * rotation), which bean validation of the body alone cannot see: a 400 problem naming them like any other.
 */
public class InvalidFields extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public InvalidFields(List<Problem.FieldError> errors) {
        super(errors.size() + " invalid field(s)", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static InvalidFields of(String field, String message) {
        return new InvalidFields(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
