package kz.zhedel.platform.security;

/** Who may call what: the roles of API keys and of the {@code groups} claim of bearer tokens. */
public final class Roles {

    /** A partner system (school, police, helpline, PSC) posting incidents; its id is the principal. */
    public static final String PARTNER = "partner";
    /** A psychologist, inspector or prosecutor on the response team; the principal is the responder's UUID. */
    public static final String RESPONDER = "responder";
    /** The PSC duty coordinator: reads every incident, its linked incidents and the access audit. */
    public static final String COORDINATOR = "coordinator";
    /** The ops team: responders, rosters, partners and their keys. */
    public static final String OPS = "ops";

    private Roles() {
    }
}
