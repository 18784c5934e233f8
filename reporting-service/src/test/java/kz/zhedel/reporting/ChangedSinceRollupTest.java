package kz.zhedel.reporting;

import static kz.zhedel.reporting.Fixtures.send;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.reporting.service.CatchUp;
import kz.zhedel.reporting.service.StatsRollup;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.RealInfrastructure;

/**
 * A month whose days changed since it was rolled up is read from its weeks and days, and a week of it that changed
 * too from its days: the figures never lag behind the days' (the rollup is run by hand here, no scheduled rounds).
 */
@QuarkusTest
@TestProfile(RollupCatchUpTest.ChangingDays.class)
@WithTestResource(RealInfrastructure.class)
class ChangedSinceRollupTest {

    /** November 2027 begins on a Monday: its weeks from the 1st, 8th, 15th and 22nd, then the 29th and 30th. */
    private static final String MONTH = "2027-11-01";
    private static final String WEEK = "2027-11-08";

    @Inject
    StatsRollup rollup;

    @Inject
    CatchUp catchUp;

    @Inject
    EntityManager em;

    @Test
    void aMonthAndAWeekChangedSinceTheirRollupAreReadFromTheirDays() {
        String from = MONTH + "T00:00:00+05:00";
        String to = "2027-12-01T00:00:00+05:00";
        await().atMost(Duration.ofSeconds(30)).until(() -> !catchUp.behind());
        send(CloudEventRecords.of(Fixtures.reported(UUID.randomUUID(), "2027-11-10T04:00:00Z")));
        awaitRolledUp(from, to, 1);
        sql("create table rollup_then as select * from stats_rollup where (grain, period) in (('M', date '" + MONTH
                + "'), ('W', date '" + WEEK + "'))");

        send(CloudEventRecords.of(Fixtures.reported(UUID.randomUUID(), "2027-11-10T05:00:00Z")));
        awaitRolledUp(from, to, 2);
        // the month and its week as they were before the second report, waiting to be rolled up again
        sql("update stats_rollup r set tally = t.tally, figures = t.figures, version = nextval('stats_rollup_version') "
                + "from rollup_then t where (r.grain, r.period, r.dimension, r.value, r.severity) "
                + "= (t.grain, t.period, t.dimension, t.value, t.severity)");
        sql("insert into stats_change (grain, period) values ('M', date '" + MONTH + "'), ('W', date '" + WEEK + "')");
        sql("drop table rollup_then");
        assertEquals("1", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select cast(figures as "
                + "json)->>'incidents' from stats_rollup where grain = 'M' and period = date '" + MONTH
                + "' and dimension = 'ALL' and severity = ''").getSingleResult()), "the stored month is the one before");

        Fixtures.summary(from, to).body("incidents", equalTo(2));
        Fixtures.summary(WEEK + "T00:00:00+05:00", "2027-11-15T00:00:00+05:00").body("incidents", equalTo(2));
    }

    private void awaitRolledUp(String from, String to, int incidents) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            while (rollup.rollUpDue() > 0) {
                // each round rolls the changed days, then their weeks and months
            }
            Fixtures.summary(from, to).body("incidents", equalTo(incidents));
        });
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
