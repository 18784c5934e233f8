package kz.zhedel.intake.domain;

/** The kinds of partner systems that report incidents. */
public enum PartnerKind {
    SCHOOL, POLICE, HELPLINE, PSYCHOLOGICAL_CENTRE
}
