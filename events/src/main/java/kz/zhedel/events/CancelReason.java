package kz.zhedel.events;

/** Why the duty coordinator cancelled an incident; the coordinator's own words stay in dispatch. */
public enum CancelReason {
    FALSE_REPORT, DUPLICATE, WITHDRAWN, OTHER
}
