package kz.zhedel.notification.channel;

import java.time.Clock;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import kz.zhedel.events.Channel;
import kz.zhedel.notification.config.GatewayConfig;

/** A call that reads the page out (no links or ids): it wakes the responder, who answers through SMS or e-mail. */
@Singleton // no client proxy: the base class takes its collaborators in its constructor
public class VoiceChannel extends PhoneChannel {

    private final PageTexts texts;

    VoiceChannel(Instance<SmsGateway> gateways, GatewayConfig config, Clock clock, PageTexts texts) {
        super(gateways, config, clock);
        this.texts = texts;
    }

    @Override
    public Channel channel() {
        return Channel.VOICE;
    }

    @Override
    String text(Notice notice) {
        return texts.voice(notice);
    }
}
