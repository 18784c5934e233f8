package kz.zhedel.events;

/** A way to reach a responder. */
public enum Channel {
    WEBHOOK, EMAIL, SMS, VOICE, TELEGRAM
}
