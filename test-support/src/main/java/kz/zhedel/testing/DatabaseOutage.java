package kz.zhedel.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One service's database refusing connections, the others untouched, as in a real outage of that database: new
 * connections are refused ({@code ALLOW_CONNECTIONS false}) and the open ones, the pool's included, are ended.
 * Done through a superuser connection to the server's {@code postgres} database.
 */
public final class DatabaseOutage {

    private final String server;
    private final String database;
    private final String user;
    private final String password;

    private DatabaseOutage(String jdbcUrl, String user, String password) {
        int slash = jdbcUrl.lastIndexOf('/');
        int query = jdbcUrl.indexOf('?', slash);
        this.server = jdbcUrl.substring(0, slash + 1);
        this.database = jdbcUrl.substring(slash + 1, query < 0 ? jdbcUrl.length() : query);
        this.user = user;
        this.password = password;
    }

    /** Starts an outage of the database named by {@code jdbcUrl} on the embedded test server. */
    public static DatabaseOutage start(String jdbcUrl) {
        return start(jdbcUrl, "postgres", "postgres");
    }

    public static DatabaseOutage start(String jdbcUrl, String superuser, String password) {
        DatabaseOutage outage = new DatabaseOutage(jdbcUrl, superuser, password);
        outage.execute("alter database \"" + outage.database + "\" allow_connections false");
        try (Connection c = outage.superuser(); PreparedStatement s = c.prepareStatement("select "
                + "pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            s.setString(1, outage.database);
            s.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot end the sessions of " + outage.database, e);
        }
        return outage;
    }

    /** The database accepts connections again. */
    public void end() {
        execute("alter database \"" + database + "\" allow_connections true");
    }

    private void execute(String sql) {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }

    private Connection superuser() throws SQLException {
        return DriverManager.getConnection(server + "postgres", user, password);
    }
}
