package kz.zhedel.intake.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import kz.zhedel.intake.config.LinkingConfig;

class ChildKeyTest {

    private static ChildKey childKey(String key) {
        return new ChildKey(new LinkingConfig() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public java.util.Optional<String> statsKey() {
                return java.util.Optional.empty();
            }

            @Override
            public Duration window() {
                return Duration.ofDays(1);
            }
        });
    }

    private final ChildKey keys = childKey("dGVzdC1saW5rLWtleS10ZXN0LWxpbmsta2V5LXRlc3QxMjM=");

    @ParameterizedTest(name = "{0} {1} = Айгерім Сейітова")
    @CsvSource({
            "Айгерім, Сейітова", "Айгерим, Сеитова", "Aigerim, Seitova", "AIGERIM, SEITOVA", "Aygerim, Seytova",
            "Seitova, Aigerim", "Сейітова, Айгерім", "Ayğerim, Seiitova", "'  aigerim ', seitova" })
    void spellingsOfOneChildGetOneKey(String first, String last) {
        assertEquals(keys.of("Айгерім", "Сейітова", 2013), keys.of(first, last, 2013));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "Жансая, Қасымова, Zhansaya, Kasymova", "Жансая, Қасымова, Jansaya, Qasymova",
            "Ерлан, Нұрланұлы, Yerlan, Nurlanuly", "Хадиша, Әлиева, Khadisha, Alieva",
            "Юлия, Щербакова, Yuliya, Sherbakova", "Ержан, Шәкенов, Erzhan, Şäkenov" })
    void kazakhAndRussianTransliterations(String first, String last, String latinFirst, String latinLast) {
        assertEquals(keys.of(first, last, 2012), keys.of(latinFirst, latinLast, 2012));
    }

    @Test
    void anotherChildAnotherYearOrAnotherKeyIsAnotherKey() {
        String aigerim = keys.of("Айгерім", "Сейітова", 2013);
        assertNotEquals(aigerim, keys.of("Айгерім", "Сейітова", 2014));
        assertNotEquals(aigerim, keys.of("Айжан", "Сейітова", 2013));
        assertNotEquals(aigerim, childKey("b3RoZXItbGluay1rZXktb3RoZXItbGluay1rZXktb3RoZXI=")
                .of("Айгерім", "Сейітова", 2013));
        assertEquals(64, aigerim.length());
    }
}
