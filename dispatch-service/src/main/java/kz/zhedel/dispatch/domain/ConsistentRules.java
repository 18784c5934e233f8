package kz.zhedel.dispatch.domain;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;

/**
 * What makes a rule table usable for every incident: a deadline for each severity, a catch-all rule, one rule per
 * (category, severity), and a psychologist in every rule, because one assists the child at every call-out; never the
 * duty coordinator, who is alerted when a team cannot be completed, not called out with it.
 * Each violation names the field to fix.
 */
@Retention(RUNTIME)
@Target(TYPE)
@Constraint(validatedBy = ConsistentRules.Validator.class)
public @interface ConsistentRules {

    String message() default "inconsistent rules";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ConsistentRules, TeamRules> {

        @Override
        public boolean isValid(TeamRules table, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (table.ackDeadlineSeconds() != null) {
                for (Severity severity : Severity.values()) {
                    if (!table.ackDeadlineSeconds().containsKey(severity)) {
                        valid = violation(context, "ackDeadlineSeconds", null, "missing a deadline for " + severity);
                    }
                }
            }
            List<TeamRules.Rule> rules = table.rules();
            if (rules == null || rules.isEmpty() || rules.contains(null)) {
                return valid; // reported by the field constraints
            }
            if (rules.stream().noneMatch(TeamRules.Rule::isCatchAll)) {
                valid = violation(context, "rules", null,
                        "needs a catch-all rule (no category, no severity) so that every incident is dispatched");
            }
            Set<List<Object>> seen = new HashSet<>();
            for (int i = 0; i < rules.size(); i++) {
                TeamRules.Rule rule = rules.get(i);
                if (!seen.add(Arrays.asList(rule.category(), rule.severity()))) {
                    valid = violation(context, "rules", i, "a second rule for the same category and severity");
                }
                if (rule.roles() == null || rule.roles().contains(null)) {
                    continue;
                }
                List<ResponderRole> roles = rule.roles().stream().map(TeamRules.RoleRule::role).toList();
                if (!roles.contains(ResponderRole.PSYCHOLOGIST)) {
                    valid = violation(context, "rules", i, "roles", "must include PSYCHOLOGIST");
                }
                if (roles.contains(ResponderRole.COORDINATOR)) {
                    valid = violation(context, "rules", i, "roles",
                            "must not include COORDINATOR: the duty coordinator is alerted, never part of a team");
                }
                if (new HashSet<>(roles).size() != roles.size()) {
                    valid = violation(context, "rules", i, "roles", "a role is listed twice");
                }
            }
            return valid;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, Integer index,
                String message) {
            var node = context.buildConstraintViolationWithTemplate(message).addPropertyNode(field);
            if (index != null) {
                node.addBeanNode().inIterable().atIndex(index).addConstraintViolation();
            } else {
                node.addConstraintViolation();
            }
            return false;
        }

        private static boolean violation(ConstraintValidatorContext context, String field, int index, String child,
                String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field)
                    .addPropertyNode(child).inIterable().atIndex(index).addConstraintViolation();
            return false;
        }
    }
}
