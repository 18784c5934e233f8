package kz.zhedel.notification.channel;

import java.util.Map;
import java.util.Optional;

import kz.zhedel.events.Channel;

/**
 * One SMS (and maybe voice) gateway behind its HTTP API. Implementations guard {@link #send} with a circuit
 * breaker: a gateway that keeps failing is skipped for a while and its traffic goes to the next one.
 */
public interface SmsGateway {

    /** Names it in config, in {@code /callbacks/sms/<name>/...} and in the ops view. */
    String name();

    /** Credentials are set: it may be used. */
    boolean configured();

    boolean supports(Channel channel);

    /**
     * Hands the text over for {@code phone} (digits only, country code first).
     *
     * @return SENT with the gateway's message id, or a permanent failure (invalid number, refused text)
     * @throws GatewayDown when the gateway is down, slow, busy or out of credit: another gateway may do
     */
    DeliveryResult send(Channel channel, String phone, String text);

    /** A delivery receipt in this gateway's callback format; empty when it reports nothing final. */
    Optional<DeliveryReceipt> receipt(Map<String, String> fields);

    /** A text a responder sent to the gateway's number, in its callback format. */
    Optional<InboundSms> inbound(Map<String, String> fields);

    record DeliveryReceipt(String messageId, boolean delivered, String detail) {
    }

    record InboundSms(String phone, String text) {
    }

    /** The gateway could not take the message; counts against its circuit breaker. */
    class GatewayDown extends RuntimeException {
        public GatewayDown(String reason) {
            super(reason, null, false, false);
        }
    }
}
