package kz.zhedel.dispatch.service;

import java.util.UUID;

import kz.zhedel.events.ResponderRole;

/**
 * A CDI event fired (with {@code Event<RosterChanged>}, inside the transaction of the change) by every change to who
 * can be on call: a responder enrolled, edited, deactivated or re-activated; a shift scheduled or cancelled; a
 * rotation started or ended; an override added or removed. Observers that act on the new roster (e.g. assigning the
 * roles incidents are still waiting for) observe it after commit ({@code during = TransactionPhase.AFTER_SUCCESS}).
 * {@code role} is the role whose on-call set may have changed; {@code responderId} may be null (a rotation).
 */
public record RosterChanged(String what, ResponderRole role, UUID responderId) {
}
