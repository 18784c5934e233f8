package kz.zhedel.dispatch.domain;

/** How often a rotation passes on-call duty to its next participant. */
public enum Handoff {
    DAILY,
    WEEKLY
}
