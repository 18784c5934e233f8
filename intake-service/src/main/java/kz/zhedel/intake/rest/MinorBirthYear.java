package kz.zhedel.intake.rest;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Year;

import jakarta.inject.Inject;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A birth year that makes the child a minor today: from 18 years ago up to this year. */
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = MinorBirthYear.Validator.class)
public @interface MinorBirthYear {

    int MAX_AGE = 18;

    String message() default "must be a minor's birth year (within the last 18 years, not in the future)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MinorBirthYear, Integer> {

        @Inject
        Clock clock;

        @Override
        public boolean isValid(Integer year, ConstraintValidatorContext context) {
            if (year == null) {
                return true;
            }
            int now = Year.now(clock).getValue();
            return year <= now && year >= now - MAX_AGE;
        }
    }
}
