package kz.zhedel.dispatch.domain;

import java.util.Set;

/** Where an assignment stands: ASSIGNED -> ACKNOWLEDGED -> ON_SCENE -> RESOLVED, or ended otherwise. */
public enum AssignmentStatus {
    /** Paged, not yet acknowledged. Like ACKNOWLEDGED and ON_SCENE, counts as open load of the responder. */
    ASSIGNED,
    ACKNOWLEDGED,
    ON_SCENE,
    RESOLVED,
    /** The responder said no; another of the role was asked instead. */
    DECLINED,
    /** Not acknowledged in time; another of the role (or the duty coordinator) was asked instead. */
    ESCALATED,
    /** No longer needed: the incident was resolved without this informed role, or cancelled. */
    CANCELLED,
    /** Given to someone else: the coordinator assigned another instead, or the responder was deactivated. */
    HANDED_ON;

    /** Still in someone's hands: the role is covered by this assignment. */
    public boolean isActive() {
        return this != DECLINED && this != ESCALATED && this != HANDED_ON;
    }

    /** Assigned, acknowledged or on scene: the responder still has work to do on it. */
    public boolean isOpen() {
        return Assignment.OPEN.contains(this);
    }

    /** Out of the responder's hands: no longer load, and their rest starts. */
    public boolean isEnd() {
        return this == RESOLVED || this == CANCELLED || !isActive();
    }

    /** What a responder can do with an assignment, and from which states. */
    public enum Action {
        ACKNOWLEDGE(ACKNOWLEDGED, Set.of(ASSIGNED)),
        DECLINE(DECLINED, Set.of(ASSIGNED, ACKNOWLEDGED)),
        ON_SCENE(AssignmentStatus.ON_SCENE, Set.of(ACKNOWLEDGED)),
        RESOLVE(RESOLVED, Set.of(AssignmentStatus.ON_SCENE));

        public final AssignmentStatus target;
        private final Set<AssignmentStatus> from;

        Action(AssignmentStatus target, Set<AssignmentStatus> from) {
            this.target = target;
            this.from = from;
        }

        public boolean allowedFrom(AssignmentStatus status) {
            return from.contains(status);
        }
    }
}
