package kz.zhedel.intake.domain;

/** Who told the partner about the child. */
public enum ReporterRole {
    TEACHER, SCHOOL_PSYCHOLOGIST, SCHOOL_ADMINISTRATION, POLICE_OFFICER, HELPLINE_OPERATOR, PSC_SPECIALIST, PARENT,
    RELATIVE, CHILD, NEIGHBOUR, OTHER
}
