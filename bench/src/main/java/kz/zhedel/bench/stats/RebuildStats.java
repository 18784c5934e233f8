package kz.zhedel.bench.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;

import kz.zhedel.bench.ConsumerLag;
import kz.zhedel.bench.LocalStack;

/**
 * The two halves of {@code ./zhedel rebuild-stats} around the launcher's restart of reporting:
 * {@code reset SQL_FILE} (reporting stopped) clears reporting's derived tables and inbox with reporting's own
 * {@code stats-rebuild.sql} and deletes its consumer group, so that the restarted consumers start at the earliest
 * offset ({@code auto.offset.reset=earliest}); {@code wait STARTUP_SECONDS} waits until the group has committed every
 * record and prints the ingest rate over the whole rebuild.
 */
public final class RebuildStats {

    public static void main(String[] args) throws Exception {
        LocalStack stack = LocalStack.devStackOrExit();
        if (args.length == 2 && args[0].equals("reset")) {
            reset(stack, Path.of(args[1]));
        } else if (args.length == 2 && args[0].equals("wait")) {
            await(stack, Long.parseLong(args[1]));
        } else {
            System.err.println("usage: RebuildStats reset SQL_FILE | wait STARTUP_SECONDS");
            System.exit(2);
        }
    }

    static void reset(LocalStack stack, Path sql) throws Exception {
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), stack.dbUser(), stack.dbPassword());
                Statement statement = db.createStatement()) {
            statement.execute(Files.readString(sql));
        }
        System.out.println("Cleared reporting's derived tables and inbox (" + sql.getFileName() + ")");
        try (Admin admin = stack.admin()) {
            admin.deleteConsumerGroups(List.of(ConsumerLag.REPORTING_GROUP)).all().get();
            System.out.println("Deleted consumer group " + ConsumerLag.REPORTING_GROUP + ": reporting reads from the "
                    + "beginning of its topics");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
                throw e;
            }
        }
    }

    static void await(LocalStack stack, long startupSeconds) throws Exception {
        long start = System.nanoTime();
        try (Admin admin = stack.admin()) {
            ConsumerLag lag = new ConsumerLag(admin);
            lag.awaitCaughtUp(Duration.ofSeconds(5), Duration.ofSeconds(120));
            long records = lag.offsets()[1];
            double seconds = SeedStats.seconds(start) + startupSeconds;
            System.out.printf(Locale.ROOT, "Rebuilt from %,d records in %.1f s (incl. %d s starting reporting): "
                    + "%,.0f events/s%n", records, seconds, startupSeconds, records / seconds);
            SeedStats.write(stack.home().resolve("bench/rebuild-stats.json"), String.format(Locale.ROOT,
                    "{\"records\": %d, \"seconds\": %.3f, \"eventsPerSecond\": %.1f}%n", records, seconds,
                    records / seconds));
        }
    }

    private RebuildStats() {
    }
}
