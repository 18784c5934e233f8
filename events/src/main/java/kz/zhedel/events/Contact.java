package kz.zhedel.events;

/** One contact method of a responder (staff data, never a child's). */
public record Contact(Channel channel, String address) {
}
