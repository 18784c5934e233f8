package kz.zhedel.dispatch.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.UUID;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import kz.zhedel.dispatch.domain.Responder;

/** The id of an enrolled responder, so that a typo is a 400 on the field rather than a shift for nobody. */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Constraint(validatedBy = KnownResponder.Validator.class)
public @interface KnownResponder {

    String message() default "no responder with this id";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownResponder, UUID> {

        @Override
        public boolean isValid(UUID id, ConstraintValidatorContext context) {
            return id == null || Responder.count("id", id) > 0;
        }
    }
}
