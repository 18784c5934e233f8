package kz.zhedel.notification.domain;

import java.time.Instant;
import java.util.List;
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

    /**
     * When the latest {@code limit} messages to the responder through the channel since {@code since} left, latest
     * first: what the rate limit counts.
     */
    public static List<Instant> latestToResponder(UUID responderId, Channel channel, Instant since, int limit) {
        return find("responderId = ?1 and channel = ?2 and sentAt > ?3 order by sentAt desc", responderId, channel,
                since).page(0, limit).<SentMessage>list().stream().map(m -> m.sentAt).toList();
    }

    public static long byProviderSince(String provider, Instant since) {
        return count("provider = ?1 and sentAt > ?2", provider, since);
    }
}
