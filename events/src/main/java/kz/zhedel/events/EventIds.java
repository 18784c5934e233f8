package kz.zhedel.events;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * CloudEvent ids: time-ordered UUIDs (version 7, RFC 9562: the millisecond first, then random bits). Every consumer
 * stores each id in its inbox's primary key; ids that grow with time are added at the index's right edge, where
 * random ones (version 4) land on any page of an index that grows by some 8 million ids a year and soon outgrows
 * memory (each insert then reads a page from disk).
 */
public final class EventIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private EventIds() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }
}
