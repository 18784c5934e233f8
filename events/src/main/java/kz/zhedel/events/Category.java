package kz.zhedel.events;

/** Incident categories, aligned with the Child Helpline International data framework. */
public enum Category {
    PHYSICAL_ABUSE,
    EMOTIONAL_ABUSE,
    SEXUAL_ABUSE,
    NEGLECT,
    DOMESTIC_VIOLENCE_WITNESSED,
    BULLYING,
    CYBERBULLYING,
    PEER_CONFLICT,
    FAMILY_CONFLICT,
    MENTAL_HEALTH,
    SELF_HARM,
    SUICIDAL_IDEATION,
    RUNAWAY_MISSING,
    SCHOOL_PROBLEMS,
    SUBSTANCE_USE,
    OTHER
}
