package kz.zhedel.platform.outage;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Asks the service's database whether it answers at all, for a failure whose exception does not say: a connection
 * is borrowed (validated on borrow, so one the outage broke is replaced by a fresh one) and pinged.
 */
@ApplicationScoped
public class DatabaseProbe {

    private static final int PING_SECONDS = 2;

    @Inject
    DataSource dataSource;

    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(PING_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
