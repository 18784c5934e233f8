package kz.zhedel.notification.domain;

import static kz.zhedel.notification.domain.Contacts.REQUESTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import kz.zhedel.events.Channel;

class FailoverTest {

    private static final Instant NOW = REQUESTED.plusSeconds(20);

    @Test
    void aDeliveredContactCancelsItsBackupsButNotTheNextTimedStep() {
        Contacts contacts = new Contacts().backup(Channel.TELEGRAM).backup(Channel.EMAIL).backup(Channel.WEBHOOK)
                .timedStep(Channel.SMS, Duration.ofMinutes(1)).backup(Channel.VOICE);
        contacts.at(0).delivered("telegram", "1", "ok", NOW);
        contacts.failover().delivered(contacts.at(0));

        assertEquals(DeliveryStatus.CANCELLED, contacts.at(1).status);
        assertEquals(DeliveryStatus.CANCELLED, contacts.at(2).status);
        assertEquals(DeliveryStatus.PENDING, contacts.at(3).status, "a timed step goes at its time anyway");
        assertEquals(REQUESTED.plusSeconds(60), contacts.at(3).nextAttemptAt);
        assertEquals(DeliveryStatus.PENDING, contacts.at(4).status, "the timed step's own backup stays");
    }

    @Test
    void aContactTakenByAGatewayGivesItsBackupUntilTheReceiptTimeout() {
        Contacts contacts = new Contacts().backup(Channel.SMS).backup(Channel.EMAIL).backup(Channel.WEBHOOK);
        contacts.at(0).sent("smsc", "m-1", "queued", NOW);
        contacts.failover().sent(contacts.at(0), NOW.plus(Duration.ofMinutes(2)));

        assertEquals(NOW.plus(Duration.ofMinutes(2)), contacts.at(1).nextAttemptAt);
        assertNull(contacts.at(2).nextAttemptAt, "only the first backup is scheduled");
    }

    @Test
    void aFailedContactMakesTheNextOneDueAtOnce() {
        Contacts contacts = new Contacts().backup(Channel.WEBHOOK).backup(Channel.SMS).backup(Channel.EMAIL);
        contacts.at(0).failed("HTTP 404", NOW);

        assertTrue(contacts.failover().failed(contacts.at(0), NOW).isEmpty(), "the page goes on");
        assertEquals(NOW, contacts.at(1).nextAttemptAt);
        assertNull(contacts.at(2).nextAttemptAt);
    }

    @Test
    void aTimedStepAlreadyDueKeepsItsEarlierTimeAndALaterOneComesForward() {
        Contacts earlier = new Contacts().backup(Channel.WEBHOOK).timedStep(Channel.SMS, Duration.ofSeconds(5));
        earlier.at(0).failed("HTTP 404", NOW);
        earlier.failover().failed(earlier.at(0), NOW);
        assertEquals(REQUESTED.plusSeconds(5), earlier.at(1).nextAttemptAt);

        Contacts later = new Contacts().backup(Channel.WEBHOOK).timedStep(Channel.SMS, Duration.ofMinutes(3));
        later.at(0).failed("HTTP 404", NOW);
        later.failover().failed(later.at(0), NOW);
        assertEquals(NOW, later.at(1).nextAttemptAt);
    }

    @Test
    void whenNoContactIsLeftThePageFailedNamingEachChannelAndError() {
        Contacts contacts = new Contacts().backup(Channel.WEBHOOK).backup(Channel.SMS);
        contacts.at(0).failed("HTTP 503 after 5 attempts", NOW);
        contacts.failover().failed(contacts.at(0), NOW);
        contacts.at(1).failed("invalid phone number", NOW);

        assertEquals("WEBHOOK: HTTP 503 after 5 attempts; SMS: invalid phone number",
                contacts.failover().failed(contacts.at(1), NOW).orElseThrow());
    }

    @Test
    void aMessageAwaitingItsReceiptKeepsThePageGoing() {
        Contacts contacts = new Contacts().backup(Channel.SMS).timedStep(Channel.WEBHOOK, Duration.ZERO);
        contacts.at(0).sent("smsc", "m-1", "queued", NOW);
        contacts.at(1).failed("HTTP 404", NOW);

        assertTrue(contacts.failover().failed(contacts.at(1), NOW).isEmpty());
    }

    @Test
    void theReasonIsCutToItsColumn() {
        Contacts contacts = new Contacts().backup(Channel.WEBHOOK);
        contacts.at(0).failed("x".repeat(600), NOW);

        assertEquals(Failover.MAX_REASON, contacts.failover().failed(contacts.at(0), NOW).orElseThrow().length());
    }
}
