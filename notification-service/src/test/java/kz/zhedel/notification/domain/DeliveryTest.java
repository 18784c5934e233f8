package kz.zhedel.notification.domain;

import static kz.zhedel.notification.domain.Contacts.REQUESTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import kz.zhedel.events.Channel;

class DeliveryTest {

    private static final Instant NOW = REQUESTED.plusSeconds(20);
    private static final Backoff BACKOFF = new Backoff(3, Duration.ofSeconds(2), Duration.ofMinutes(5));

    private final Contacts contacts = new Contacts().backup(Channel.WEBHOOK);
    private final Delivery delivery = contacts.at(0);

    @Test
    void aTimedStepIsDueItsDelayAfterTheRequest() {
        Delivery step = new Contacts().backup(Channel.TELEGRAM).timedStep(Channel.SMS, Duration.ofMinutes(1)).at(1);
        assertEquals(60, step.delaySeconds);
        assertEquals(REQUESTED.plusSeconds(60), step.nextAttemptAt);
        assertFalse(step.isBackup());
        assertEquals(0, delivery.delaySeconds, "the first contact is due at once");
        assertEquals(REQUESTED, delivery.nextAttemptAt);
    }

    @Test
    void aHeldDeliveryWaitsForTheWindowAndIsNoLongerHeldOnceClaimed() {
        delivery.heldUntil(NOW.plusSeconds(300));
        assertTrue(delivery.held);
        assertEquals(NOW.plusSeconds(300), delivery.nextAttemptAt);

        delivery.claimed(NOW.plusSeconds(30));
        assertFalse(delivery.held);
        assertEquals(NOW.plusSeconds(30), delivery.leasedUntil);
    }

    @Test
    void aFailedAttemptIsRetriedAfterTheBackoffUntilTheTriesRunOut() {
        delivery.claimed(NOW.plusSeconds(30));
        delivery.tried(NOW);
        assertEquals(NOW.plusSeconds(2), delivery.failedAttempt("HTTP 503", BACKOFF, NOW).orElseThrow());
        assertNull(delivery.leasedUntil);
        assertEquals(1, delivery.attempts);
        assertEquals("HTTP 503", delivery.lastError);
        assertEquals(DeliveryStatus.PENDING, delivery.status);

        delivery.tried(NOW);
        assertEquals(NOW.plusSeconds(4), delivery.failedAttempt("HTTP 503", BACKOFF, NOW).orElseThrow());
        delivery.tried(NOW);
        assertTrue(delivery.failedAttempt("timeout", BACKOFF, NOW).isEmpty());
        assertEquals(DeliveryStatus.FAILED, delivery.status);
        assertEquals("timeout after 3 attempts", delivery.lastError);
        assertEquals(NOW, delivery.failedAt);
        assertNull(delivery.nextAttemptAt);
    }

    @Test
    void aGatewaysReceiptSettlesASentMessage() {
        delivery.failedAttempt("HTTP 503", BACKOFF, NOW);
        delivery.sent("smsc", "m-1", "queued", NOW);
        assertEquals(DeliveryStatus.SENT, delivery.status);
        assertTrue(delivery.awaitsReceipt());
        assertTrue(delivery.isUnsettled());
        assertNull(delivery.lastError);
        assertNull(delivery.nextAttemptAt);

        delivery.receiptDelivered("1", NOW.plusSeconds(5));
        assertEquals(DeliveryStatus.DELIVERED, delivery.status);
        assertEquals(NOW.plusSeconds(5), delivery.deliveredAt);
        assertEquals("smsc", delivery.provider);
        assertEquals("m-1", delivery.providerMessageId);
        assertEquals("1", delivery.providerStatus);
        assertFalse(delivery.isUnsettled());
    }

    @Test
    void aFailedReceiptFailsTheContact() {
        delivery.sent("smsc", "m-1", "queued", NOW);
        delivery.receiptFailed("status 20", NOW.plusSeconds(5));
        assertEquals(DeliveryStatus.FAILED, delivery.status);
        assertEquals("status 20", delivery.lastError);
        assertEquals(NOW.plusSeconds(5), delivery.failedAt);
    }

    @Test
    void aTransitionIsTakenOnlyFromTheStateItBelongsTo() {
        assertThrows(IllegalStateException.class, () -> delivery.receiptDelivered("1", NOW), "nothing was sent");
        assertThrows(IllegalStateException.class, () -> delivery.receiptFailed("20", NOW));
        delivery.failed("HTTP 404", NOW);
        assertThrows(IllegalStateException.class, () -> delivery.delivered("webhook", null, "HTTP 200", NOW));
        assertThrows(IllegalStateException.class, () -> delivery.sent("smsc", "m-1", "queued", NOW));
        assertThrows(IllegalStateException.class, () -> delivery.failedAttempt("HTTP 503", BACKOFF, NOW));
        assertThrows(IllegalStateException.class, () -> delivery.failedOver(NOW));
        assertThrows(IllegalStateException.class, () -> delivery.claimed(NOW));
        assertThrows(IllegalStateException.class, () -> delivery.heldUntil(NOW));
        assertEquals(DeliveryStatus.FAILED, delivery.status);
    }

    @Test
    void aResultIsRecordedOnlyForTheClaimItAnswers() {
        delivery.claimed(NOW.plusSeconds(30));
        assertTrue(delivery.awaitsResultOf(0, contacts.page, false));
        assertFalse(delivery.awaitsResultOf(1, contacts.page, true), "a stale claim: another instance went on");
    }

    @Test
    void aMessageTheResponderAnsweredThroughIsStillRecordedButNotOneOfAWithdrawnPage() {
        delivery.claimed(NOW.plusSeconds(30));
        contacts.page.acknowledge(NOW);
        delivery.cancel();
        assertTrue(delivery.awaitsResultOf(0, contacts.page, true));
        assertFalse(delivery.awaitsResultOf(0, contacts.page, false), "a failed try of an answered page is dropped");
        delivery.delivered("webhook", null, "HTTP 200", NOW);
        assertEquals(DeliveryStatus.DELIVERED, delivery.status);

        Contacts bySms = new Contacts().backup(Channel.SMS);
        bySms.at(0).claimed(NOW.plusSeconds(30));
        bySms.page.decline("DECLINED_BY_SMS", NOW);
        bySms.at(0).cancel();
        assertTrue(bySms.at(0).awaitsResultOf(0, bySms.page, true));
        bySms.at(0).sent("smsc", "m-1", "queued", NOW);
        assertEquals(DeliveryStatus.SENT, bySms.at(0).status, "its receipt is still taken");

        Contacts withdrawn = new Contacts().backup(Channel.WEBHOOK);
        withdrawn.page.withdraw();
        withdrawn.at(0).cancel();
        assertFalse(withdrawn.at(0).awaitsResultOf(0, withdrawn.page, true));
    }
}
