package kz.zhedel.bench.pipeline;

import java.util.List;
import java.util.Random;

import kz.zhedel.events.District;

/**
 * Report bodies as a partner sends them, each about a different child (names, birth year and district vary), so
 * that no report links to another and each costs what a first report costs. {@link #sameChild} is one child's.
 */
final class Reports {

    private static final List<String> FIRST = List.of("Айгерим", "Дана", "Арман", "Ержан", "Мадина", "Алихан",
            "Жансая", "Нурлан", "Камила", "Тимур", "Асель", "Данияр", "Аружан", "Санжар", "Томирис", "Ильяс");
    private static final List<String> LAST = List.of("Сапарова", "Оспанова", "Ахметов", "Серикбаев", "Жумабаева",
            "Касымов", "Нурланова", "Абенов", "Мусина", "Искаков", "Тулегенова", "Бекова", "Ермеков", "Алиева");
    private static final District[] DISTRICTS = District.values();

    private final String run;
    private final Random random = new Random(42);

    Reports(String run) {
        this.run = run;
    }

    /** The n-th report of this run, about a child no other report names. */
    synchronized String distinct(long n) {
        String first = FIRST.get(random.nextInt(FIRST.size()));
        String last = LAST.get(random.nextInt(LAST.size())) + "-" + letters(n); // unique child
        return body(n, first, last, 2009 + random.nextInt(8), DISTRICTS[(int) (n % DISTRICTS.length)]);
    }

    /** n in letters (names take no digits): a different name for every report. */
    static String letters(long n) {
        String alphabet = "абвгдежзиклмнопрстуфхцчшэюя";
        StringBuilder name = new StringBuilder();
        do {
            name.append(alphabet.charAt((int) (n % alphabet.length())));
            n /= alphabet.length();
        } while (n > 0);
        return name.toString();
    }

    /** The n-th report about one and the same child. */
    String sameChild(long n) {
        return body(n, "Айгерим", "Бенчмаркова", 2013, District.BAIKONUR);
    }

    private String body(long n, String first, String last, int birthYear, District district) {
        return "{\"externalRef\":\"bench-" + run + "-" + n + "\",\"category\":\"BULLYING\",\"severity\":\"P2\","
                + "\"district\":\"" + district + "\",\"schoolId\":\"sample-state-" + (1 + n % 119) + "\","
                + "\"child\":{\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"birthYear\":"
                + birthYear + ",\"gender\":\"FEMALE\",\"language\":\"kk\"},"
                + "\"reporter\":{\"name\":\"Мария Ивановна\",\"phone\":\"+7 701 555 0101\",\"role\":\"TEACHER\"},"
                + "\"summary\":\"synthetic report of the benchmark\"}";
    }
}
