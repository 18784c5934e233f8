package kz.zhedel.events;

public enum ResponderRole {
    PSYCHOLOGIST, JUVENILE_INSPECTOR, PROSECUTOR, SOCIAL_WORKER
}
