package kz.zhedel.intake.domain;

/** How a same-child link stands: made at intake, confirmed by the coordinator, or split (not the same child). */
public enum LinkStatus {
    AUTO, CONFIRMED, SPLIT
}
