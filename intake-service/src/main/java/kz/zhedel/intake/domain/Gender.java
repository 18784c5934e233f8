package kz.zhedel.intake.domain;

public enum Gender {
    FEMALE, MALE, UNDISCLOSED
}
