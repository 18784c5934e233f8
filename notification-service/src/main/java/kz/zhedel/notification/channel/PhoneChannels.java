package kz.zhedel.notification.channel;

import java.time.Clock;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import kz.zhedel.events.Channel;
import kz.zhedel.notification.config.GatewayConfig;

/** The two channels through the SMS gateways: the same sending, each with its own text. */
@Singleton
class PhoneChannels {

    /** A text message with the links and the reply codes ("1234 1" acknowledges, "1234 2" declines). */
    @Produces
    @Singleton
    PhoneChannel sms(Instance<SmsGateway> gateways, GatewayConfig config, Clock clock, PageTexts texts) {
        return new PhoneChannel(Channel.SMS, notice -> texts.text(notice, true), gateways, config, clock);
    }

    /** A call that reads the page out (no links or ids): it wakes the responder, who answers through SMS or e-mail. */
    @Produces
    @Singleton
    PhoneChannel voice(Instance<SmsGateway> gateways, GatewayConfig config, Clock clock, PageTexts texts) {
        return new PhoneChannel(Channel.VOICE, texts::voice, gateways, config, clock);
    }
}
