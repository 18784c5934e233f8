package kz.zhedel.notification.channel;

import java.time.Clock;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import kz.zhedel.events.Channel;
import kz.zhedel.notification.config.GatewayConfig;

/** A text message with the links and the reply codes ("1234 1" acknowledges, "1234 2" declines). */
@Singleton // no client proxy: the base class takes its collaborators in its constructor
public class SmsChannel extends PhoneChannel {

    private final PageTexts texts;

    SmsChannel(Instance<SmsGateway> gateways, GatewayConfig config, Clock clock, PageTexts texts) {
        super(gateways, config, clock);
        this.texts = texts;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    String text(Notice notice) {
        return texts.text(notice, true);
    }
}
