package kz.zhedel.notification.channel;

/**
 * What one try through a channel came to. {@code detail} is short and names no address (e.g. {@code HTTP 503}): it
 * ends up in the ops view and, for failures, in the {@code PageFailed} reason.
 */
public record DeliveryResult(Outcome outcome, String detail) {

    public enum Outcome {
        /** The provider took the page. */
        DELIVERED,
        /** Worth another try later: the provider was down, slow or busy. */
        TRANSIENT,
        /** Another try would fail the same way: move on to the next contact. */
        PERMANENT
    }

    public static DeliveryResult delivered(String providerStatus) {
        return new DeliveryResult(Outcome.DELIVERED, providerStatus);
    }

    public static DeliveryResult transientFailure(String detail) {
        return new DeliveryResult(Outcome.TRANSIENT, detail);
    }

    public static DeliveryResult permanentFailure(String detail) {
        return new DeliveryResult(Outcome.PERMANENT, detail);
    }
}
