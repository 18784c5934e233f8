package kz.zhedel.platform.security;

/** Who may call what. */
public final class Roles {

    /** A partner system (school, police, helpline, PSC) posting incidents. */
    public static final String PARTNER = "partner";
    /** The ops team and the PSC duty coordinator. */
    public static final String OPS = "ops";

    private Roles() {
    }
}
