package kz.zhedel.dispatch.service;

import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.events.Actor;
import kz.zhedel.platform.security.Roles;

/** Who is acting: the authenticated caller of the current request, in the strongest role they hold. */
@ApplicationScoped
public class Actors {

    @Inject
    SecurityIdentity identity;

    /** The caller, or null outside a request (a Kafka record, a timer): the system acted. */
    public Actor caller() {
        if (identity.isAnonymous()) {
            return null;
        }
        String role = identity.hasRole(Roles.OPS) ? Roles.OPS
                : identity.hasRole(Roles.COORDINATOR) ? Roles.COORDINATOR : Roles.RESPONDER;
        return new Actor(identity.getPrincipal().getName(), role);
    }

    /** The responder themself, acting through their page (link, SMS reply, Telegram button). */
    public static Actor responder(UUID responderId) {
        return new Actor(responderId.toString(), Roles.RESPONDER);
    }
}
