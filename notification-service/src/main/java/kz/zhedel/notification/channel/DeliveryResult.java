package kz.zhedel.notification.channel;

/**
 * What one try through a channel came to. {@code detail} is short and names no address (e.g. {@code HTTP 503}): it
 * ends up in the ops view and, for failures, in the {@code PageFailed} reason. {@code provider} and
 * {@code providerMessageId} say who took the message and under which id its receipts come back.
 */
public record DeliveryResult(Outcome outcome, String detail, String provider, String providerMessageId) {

    public enum Outcome {
        /** The message reached the responder's device or mailbox as far as this protocol can tell. */
        DELIVERED,
        /** A gateway took it; its delivery receipt will say DELIVERED or FAILED. */
        SENT,
        /** Worth another try later: the provider was down, slow or busy. */
        TRANSIENT,
        /** Another try would fail the same way: move on to the next contact. */
        PERMANENT
    }

    public static DeliveryResult delivered(String provider, String providerMessageId, String detail) {
        return new DeliveryResult(Outcome.DELIVERED, detail, provider, providerMessageId);
    }

    public static DeliveryResult sent(String provider, String providerMessageId, String detail) {
        return new DeliveryResult(Outcome.SENT, detail, provider, providerMessageId);
    }

    public static DeliveryResult transientFailure(String detail) {
        return new DeliveryResult(Outcome.TRANSIENT, detail, null, null);
    }

    public static DeliveryResult permanentFailure(String detail) {
        return new DeliveryResult(Outcome.PERMANENT, detail, null, null);
    }

    /** The message left through a provider, so it counts for the rate limits. */
    public boolean left() {
        return outcome == Outcome.DELIVERED || outcome == Outcome.SENT;
    }
}
