package kz.zhedel.notification.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import kz.zhedel.events.Channel;

/** One message that left through a provider (one page, or several bundled): what the rate limits count. */
@Entity
@Table(name = "sent_message")
public class SentMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "responder_id", nullable = false)
    public UUID responderId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Column(nullable = false)
    public String provider;

    @Column(nullable = false)
    public int pages;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;

    public static void record(UUID responderId, Channel channel, String provider, int pages, Instant at) {
        SentMessage message = new SentMessage();
        message.responderId = responderId;
        message.channel = channel;
        message.provider = provider;
        message.pages = pages;
        message.sentAt = at;
        message.persist();
    }

    /** The {@code n}-th most recent message to the responder through the channel since {@code since}, if any. */
    public static Optional<Instant> nthLatestToResponder(UUID responderId, Channel channel, Instant since, int n) {
        return find("responderId = ?1 and channel = ?2 and sentAt > ?3 order by sentAt desc", responderId, channel,
                since).page(n - 1, 1).<SentMessage>firstResultOptional().map(m -> m.sentAt);
    }

    public static long byProviderSince(String provider, Instant since) {
        return count("provider = ?1 and sentAt > ?2", provider, since);
    }
}
