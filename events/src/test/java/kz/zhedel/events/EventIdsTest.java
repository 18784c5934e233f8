package kz.zhedel.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void idsAreVersion7AndTheirTextGrowsInTheOrderTheyAreMade() {
        List<String> made = new ArrayList<>();
        long before = System.currentTimeMillis();
        for (int i = 0; i < 10_000; i++) {
            UUID id = EventIds.next();
            assertEquals(7, id.version());
            made.add(id.toString());
        }
        // the inbox keys them as text: the order of their text is the order they were made, within a millisecond too
        assertEquals(made, made.stream().sorted().toList());
        assertEquals(10_000, made.stream().distinct().count());
        long millis = UUID.fromString(made.get(0)).getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= System.currentTimeMillis(), "the first 48 bits are the time made");
    }
}
