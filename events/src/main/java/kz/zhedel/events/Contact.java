package kz.zhedel.events;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One contact method of a responder (staff data, never a child's). {@code delay} (ISO-8601, {@code PT1M}) makes it a
 * timed step of the responder's contact rules: tried that long after the page was requested even if an earlier
 * contact reached the responder, until the assignment is acknowledged or declined. Without a delay (null) the first
 * contact is tried at once and a later one is a backup: tried at once when the contact before it failed, skipped
 * when that one reached the responder.
 */
public record Contact(Channel channel, String address, @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonFormat(shape = JsonFormat.Shape.STRING) Duration delay) {

    public Contact(Channel channel, String address) {
        this(channel, address, null);
    }
}
