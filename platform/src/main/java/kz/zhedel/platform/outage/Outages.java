package kz.zhedel.platform.outage;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a failure of the infrastructure (the database unreachable, restarting or overloaded; a lock conflict that a
 * retry resolves) from a failure of the work itself. The first is retried until it passes; the second is not.
 */
public final class Outages {

    /**
     * PostgreSQL states that say "try again later": 08 connection exceptions, 53 insufficient resources (too many
     * connections, out of memory or disk), 57P01-57P03 shut down or starting up, 55000 as it answers a connection to a
     * database that does not accept connections, 40001/40P01 serialization failure and deadlock.
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "55000", "40001", "40P01");
    private static final Set<String> STATE_CLASSES = Set.of("08", "53");

    private Outages() {
    }

    /** Whether {@code failure}, or anything that caused it, says the database (or the network to it) is unavailable. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (transientState(sql.getSQLState()) || acquisitionTimeout(sql))) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(String state) {
        return state != null && (STATES.contains(state)
                || state.length() >= 2 && STATE_CLASSES.contains(state.substring(0, 2)));
    }

    /** Agroal's pool found no connection in time: every connection is broken or in use. */
    private static boolean acquisitionTimeout(SQLException e) {
        return e.getMessage() != null && e.getMessage().startsWith("Acquisition timeout");
    }
}
