package kz.zhedel.notification.channel;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import kz.zhedel.events.Channel;

/** The channels this build can send through; a contact on any other channel cannot be paged yet. */
@ApplicationScoped
public class PageChannels {

    private final Map<Channel, PageChannel> byChannel = new EnumMap<>(Channel.class);

    PageChannels(Instance<PageChannel> channels) {
        for (PageChannel channel : channels) {
            if (byChannel.put(channel.channel(), channel) != null) {
                throw new IllegalStateException("two implementations of channel " + channel.channel());
            }
        }
    }

    public Optional<PageChannel> of(Channel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }
}
