package kz.zhedel.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import kz.zhedel.events.Topics;

/**
 * How far reporting's consumer group is behind the end of the topics it reads: the sum over every partition of the
 * end offset minus the group's committed offset (a partition it never committed counts from 0).
 */
public final class ConsumerLag {

    public static final String REPORTING_GROUP = "reporting-service";
    public static final List<String> REPORTING_TOPICS = List.of(Topics.INCIDENTS, Topics.DISPATCH,
            Topics.NOTIFICATIONS);

    private final Admin admin;

    public ConsumerLag(Admin admin) {
        this.admin = admin;
    }

    /**
     * The other services' groups and the topics they read: the synthetic incidents are for reporting only, so the
     * seed moves these groups past them (the services are stopped meanwhile) and dispatch never pages for them.
     */
    public static final Map<String, List<String>> OTHER_GROUPS = Map.of(
            "dispatch-service", List.of(Topics.INCIDENTS, Topics.NOTIFICATIONS),
            "intake-service", List.of(Topics.DISPATCH, Topics.NOTIFICATIONS),
            "notification-service", List.of(Topics.DISPATCH));

    /** Moves each of {@link #OTHER_GROUPS} to the end of its topics (the groups must have no member). */
    public void skipToEnd(Map<String, List<String>> groups) {
        try {
            for (Map.Entry<String, List<String>> group : groups.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
                endOffsets(partitions(group.getValue())).forEach((p, end) -> ends.put(p, new OffsetAndMetadata(end)));
                admin.alterConsumerGroupOffsets(group.getKey(), ends).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot move the services' groups past the seed: " + e.getMessage(), e);
        }
    }

    private List<TopicPartition> partitions(List<String> topics) throws InterruptedException, ExecutionException {
        return admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition()))).toList();
    }

    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    /** Committed and end offsets summed: {@code [committed, end]}. */
    public long[] offsets() {
        try {
            List<TopicPartition> partitions = partitions(REPORTING_TOPICS);
            Map<TopicPartition, Long> ends = endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(
                    admin.listConsumerGroupOffsets(REPORTING_GROUP).partitionsToOffsetAndMetadata().get());
            long done = 0;
            long end = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata c = committed.get(p);
                done += c == null ? 0 : c.offset();
                end += ends.get(p);
            }
            return new long[] { done, end };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read reporting's offsets: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the group has committed every record there is, printing progress every {@code every}; gives up
     * after {@code stall} without progress. Returns the records the group committed meanwhile.
     */
    public long awaitCaughtUp(Duration every, Duration stall) throws InterruptedException {
        long[] start = offsets();
        long last = start[0];
        long lastProgress = System.nanoTime();
        while (true) {
            long[] now = offsets();
            if (now[0] >= now[1]) {
                return now[0] - start[0];
            }
            if (now[0] != last) {
                last = now[0];
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > stall.toNanos()) {
                throw new IllegalStateException("reporting made no progress for " + stall.toSeconds() + " s ("
                        + (now[1] - now[0]) + " records behind): is it running? see ./zhedel logs reporting");
            }
            System.out.printf("  reporting: %,d of %,d records taken in (%,d behind)%n", now[0], now[1],
                    now[1] - now[0]);
            Thread.sleep(every.toMillis()); // polling an external process's progress, not test synchronisation
        }
    }
}
