package kz.zhedel.notification.channel;

import kz.zhedel.events.Channel;

/**
 * One way to reach a responder. Implementations are CDI beans; {@link PageChannels} finds them by {@link #channel()}.
 * {@link #send} runs outside any transaction and must not throw for provider trouble: it answers a
 * {@link DeliveryResult} instead, within the configured timeouts.
 */
public interface PageChannel {

    Channel channel();

    DeliveryResult send(Notice notice);

    /** Whether pages held back by the per-responder rate limit are bundled into one message (not for machines). */
    default boolean rateLimited() {
        return true;
    }
}
