package kz.zhedel.notification;

import java.util.List;
import java.util.UUID;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

import kz.zhedel.events.Topics;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.RealInfrastructure;

/** Everything notification-service published, read from the real broker; the topic is shared, so filter by incident. */
final class NotificationEvents {

    private static ConsumerTask<String, String> consumer;

    private NotificationEvents() {
    }

    static synchronized List<ZhedelEvent> of(UUID incidentId) {
        if (consumer == null) {
            consumer = RealInfrastructure.kafkaCompanion().consumeStrings().fromTopics(Topics.NOTIFICATIONS);
        }
        return consumer.getRecords().stream()
                .filter(r -> incidentId.toString().equals(r.key()))
                .map(CloudEventRecords::decode)
                .toList();
    }

    static <T extends ZhedelEvent> List<T> of(UUID incidentId, Class<T> type) {
        return of(incidentId).stream().filter(type::isInstance).map(type::cast).toList();
    }
}
