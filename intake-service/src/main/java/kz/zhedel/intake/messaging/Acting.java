package kz.zhedel.intake.messaging;

import java.util.Locale;

import kz.zhedel.events.Actor;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.platform.security.Roles;

/**
 * Who took a timeline step, as the partner may read it: a responder by their role only (never a name or id), the
 * duty coordinator by their subject, ops as ops; nothing when the system acted (the team rules, a timer).
 */
final class Acting {

    private Acting() {
    }

    /** {@code " (by the psychologist)"}, {@code " (by coordinator duty-anna)"}, {@code " (by ops)"} or empty. */
    static String by(Actor actor, ResponderRole role) {
        if (actor == null) {
            return "";
        }
        return " (by " + switch (actor.role()) {
            case Roles.COORDINATOR -> "coordinator " + actor.subject();
            case Roles.OPS -> "ops";
            default -> "the " + (role == null ? "responder" : role.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        } + ")";
    }
}
