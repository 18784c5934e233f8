package kz.zhedel.dispatch.rest;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A shift or override must end after it starts; the violation is reported on {@code end}, the field to fix. */
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = EndAfterStart.Validator.class)
public @interface EndAfterStart {

    String message() default "must be after start";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EndAfterStart, Windowed> {

        @Override
        public boolean isValid(Windowed shift, ConstraintValidatorContext context) {
            if (shift.start() == null || shift.end() == null || shift.end().isAfter(shift.start())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("end").addConstraintViolation();
            return false;
        }
    }
}
