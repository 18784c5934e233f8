package kz.zhedel.notification.texts;

import java.util.List;
import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.Language;

/** The bundle in one of its three languages, and what the pages and the texts both say with it. */
public final class Texts {

    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private Texts() {
    }

    /** {@code tag}: kk, ru or en. */
    public static Msg in(String tag) {
        return "en".equals(tag) ? MessageBundles.get(Msg.class) : MessageBundles.get(Msg.class, Localized.Literal.of(tag));
    }

    public static String tag(Language language) {
        return language == Language.RU ? "ru" : "kk";
    }

    public static Locale locale(String tag) {
        return Locale.forLanguageTag(tag);
    }

    /** Why the coordinator is paged, in their words: the reason and the role, nothing about the child. */
    public static String alert(Msg msg, CoordinatorAlert alert) {
        if (alert == null || alert.reason() == null) {
            return null;
        }
        String role = alert.role() == null ? "—" : msg.role(alert.role());
        return switch (alert.reason()) {
            case NOBODY_ON_CALL -> msg.alertNobodyOnCall(role);
            case PAGE_FAILED -> msg.alertPageFailed(role);
            case ESCALATION_EXHAUSTED -> msg.alertEscalationExhausted(role);
        };
    }
}
