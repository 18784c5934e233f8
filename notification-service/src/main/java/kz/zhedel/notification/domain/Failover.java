package kz.zhedel.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A page's contacts, in position order, and how one contact's outcome moves the others: a contact that reached the
 * responder makes its backups unneeded, one a gateway took gives its backup until the receipt timeout, one that
 * failed hands over to the next at once; when none is left unsettled and none reached the responder, the page failed.
 */
public final class Failover {

    /** How long a {@code PageFailed} reason may grow. */
    static final int MAX_REASON = 500;

    private final List<Delivery> contacts;

    /** {@code contacts}: all of one page's deliveries, in position order ({@link Delivery#ofPage}). */
    public Failover(List<Delivery> contacts) {
        this.contacts = List.copyOf(contacts);
    }

    /** {@code delivery} reached the responder: the backups right after it are cancelled. */
    public void delivered(Delivery delivery) {
        backupsOf(delivery).forEach(Delivery::cancel);
    }

    /** A gateway took {@code delivery}: its first backup is paged at {@code receiptDeadline} unless a receipt comes. */
    public void sent(Delivery delivery, Instant receiptDeadline) {
        backupsOf(delivery).stream().findFirst().ifPresent(b -> b.dueUnlessReceiptBy(receiptDeadline));
    }

    /**
     * {@code delivery} failed: the next pending contact is due at once. Returns why the page failed (channels and
     * errors, no addresses) when no contact is left unsettled.
     */
    public Optional<String> failed(Delivery delivery, Instant at) {
        contacts.stream()
                .filter(d -> d.position > delivery.position && d.status == DeliveryStatus.PENDING)
                .findFirst()
                .ifPresent(next -> next.failedOver(at));
        if (contacts.stream().anyMatch(Delivery::isUnsettled)) {
            return Optional.empty();
        }
        String reasons = contacts.stream()
                .filter(d -> d.status == DeliveryStatus.FAILED)
                .map(d -> d.channel + ": " + d.lastError)
                .collect(Collectors.joining("; "));
        return Optional.of(reasons.length() > MAX_REASON ? reasons.substring(0, MAX_REASON) : reasons);
    }

    /** The pending backups right after this delivery, up to the next timed step. */
    List<Delivery> backupsOf(Delivery delivery) {
        List<Delivery> backups = new ArrayList<>();
        for (Delivery next : contacts) {
            if (next.position <= delivery.position) {
                continue;
            }
            if (!next.isBackup()) {
                break;
            }
            if (next.status == DeliveryStatus.PENDING) {
                backups.add(next);
            }
        }
        return backups;
    }
}
