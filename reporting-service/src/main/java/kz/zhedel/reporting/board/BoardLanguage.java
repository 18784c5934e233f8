package kz.zhedel.reporting.board;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The board's language: the one chosen on the board (kept in a cookie), else the browser's first we have. */
final class BoardLanguage {

    static final String COOKIE = "zhedel_lang";
    static final List<String> SUPPORTED = List.of("kk", "ru", "en");
    private static final Set<String> KNOWN = Set.copyOf(SUPPORTED);
    /** Kazakh first: the city's first working language, for a browser that asks for none of the three. */
    private static final String FALLBACK = "kk";

    private BoardLanguage() {
    }

    static Optional<String> supported(String tag) {
        return Optional.ofNullable(tag).map(t -> t.toLowerCase(Locale.ROOT)).filter(KNOWN::contains);
    }

    static Locale choose(String cookie, List<Locale> acceptable) {
        String tag = supported(cookie).orElseGet(() -> acceptable.stream().map(Locale::getLanguage)
                .map(BoardLanguage::supported).flatMap(Optional::stream).findFirst().orElse(FALLBACK));
        return Locale.forLanguageTag(tag);
    }
}
