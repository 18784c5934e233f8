package kz.zhedel.notification.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.inject.Instance;

import kz.zhedel.events.Channel;
import kz.zhedel.notification.channel.SmsGateway.GatewayDown;
import kz.zhedel.notification.config.GatewayConfig;
import kz.zhedel.notification.domain.SentMessage;

/**
 * SMS and voice ({@link PhoneChannels}): the text goes to the first configured gateway (in
 * {@code zhedel.sms.providers} order) that supports the channel, is under its global cap and is up; a gateway that is
 * down, or whose circuit breaker is open, hands over to the next one. Only when all are down is it a transient failure, retried with backoff.
 */
final class PhoneChannel implements PageChannel {

    private final Channel channel;
    private final Function<Notice, String> text;
    private final List<SmsGateway> gateways;
    private final GatewayConfig config;
    private final Clock clock;

    PhoneChannel(Channel channel, Function<Notice, String> text, Instance<SmsGateway> all, GatewayConfig config,
            Clock clock) {
        this.channel = channel;
        this.text = text;
        Map<String, SmsGateway> byName = all.stream()
                .collect(Collectors.toMap(SmsGateway::name, Function.identity()));
        this.gateways = config.providers().stream().map(String::strip).map(byName::get)
                .filter(g -> g != null && g.supports(channel())).toList();
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public DeliveryResult send(Notice notice) {
        String phone = notice.address().replaceAll("[^0-9]", "");
        if (phone.length() < 10 || phone.length() > 15) {
            return DeliveryResult.permanentFailure("invalid phone number");
        }
        String text = this.text.apply(notice);
        List<String> trouble = new ArrayList<>();
        for (SmsGateway gateway : gateways) {
            if (!gateway.configured()) {
                continue;
            }
            if (capReached(gateway)) {
                trouble.add(gateway.name() + ": cap reached");
                continue;
            }
            try {
                return gateway.send(channel(), phone, text);
            } catch (GatewayDown e) {
                trouble.add(gateway.name() + ": " + e.getMessage());
            } catch (CircuitBreakerOpenException e) {
                trouble.add(gateway.name() + ": circuit open");
            }
        }
        return trouble.isEmpty() ? DeliveryResult.permanentFailure("no " + channel() + " gateway configured")
                : DeliveryResult.transientFailure(String.join("; ", trouble));
    }

    private boolean capReached(SmsGateway gateway) {
        return QuarkusTransaction.requiringNew().call(() -> SentMessage.byProviderSince(gateway.name(),
                clock.instant().minus(config.providerWindow()))) >= config.providerCap();
    }
}
