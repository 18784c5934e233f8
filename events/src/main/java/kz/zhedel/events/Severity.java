package kz.zhedel.events;

/** How fast the group must act. */
public enum Severity {
    /** Immediate danger to life or health. */
    P1,
    /** Urgent, within the hour. */
    P2,
    /** The same day. */
    P3,
    /** Advice or referral. */
    P4
}
