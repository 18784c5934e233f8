package kz.zhedel.events;

public enum ResponderRole {
    PSYCHOLOGIST, JUVENILE_INSPECTOR, PROSECUTOR, SOCIAL_WORKER,
    /**
     * The duty coordinator of the Psychological Support Centre: on call like everyone else, never part of a team
     * rule, paged when a team cannot be completed or a page could not reach anyone ({@link CoordinatorAlert}).
     */
    COORDINATOR
}
