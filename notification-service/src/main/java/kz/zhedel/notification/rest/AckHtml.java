package kz.zhedel.notification.rest;

import java.util.List;
import java.util.Locale;

import kz.zhedel.events.Language;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.notification.domain.PageStatus;

/** The few small pages a responder sees behind an acknowledgement link, on a phone, in kk, ru or en. */
final class AckHtml {

    enum Lang {
        KK("kk", "Жедел шақыру", "Оқиға", "Санат", "Маңыздылық", "Аудан", "Қабылдаймын", "Бас тартамын",
                "Рахмет! Шақыру қабылданды.", "Шақырудан бас тарттыңыз. Басқа маман шақырылады.",
                "Бұл шақыруға бұрын жауап берілген.",
                "Бұл шақыру енді күшінде емес: іс басқа маманға берілді немесе жабылды.",
                "Сілтеменің мерзімі өтіп кетті. Кезекші үйлестірушіге хабарласыңыз.", "Сілтеме жарамсыз."),
        RU("ru", "Срочный вызов", "Инцидент", "Категория", "Срочность", "Район", "Принимаю", "Отказываюсь",
                "Спасибо! Вызов принят.", "Вы отказались от вызова. Будет вызван другой специалист.",
                "На этот вызов уже ответили.",
                "Этот вызов больше не действует: случай передан другому специалисту или закрыт.",
                "Срок действия ссылки истёк. Свяжитесь с дежурным координатором.", "Ссылка недействительна."),
        EN("en", "Urgent page", "Incident", "Category", "Severity", "District", "Acknowledge", "Decline",
                "Thank you. The page is acknowledged.", "You declined the page. Someone else will be paged.",
                "This page was already answered.",
                "This page no longer stands: the case went to someone else or was closed.",
                "This link has expired. Please call the duty coordinator.", "This link is not valid.");

        final String code;
        final String title;
        final String incident;
        final String category;
        final String severity;
        final String district;
        final String button;
        final String declineButton;
        final String thanks;
        final String declined;
        final String already;
        final String withdrawn;
        final String expired;
        final String invalid;

        Lang(String code, String title, String incident, String category, String severity, String district,
                String button, String declineButton, String thanks, String declined, String already,
                String withdrawn, String expired, String invalid) {
            this.code = code;
            this.title = title;
            this.incident = incident;
            this.category = category;
            this.severity = severity;
            this.district = district;
            this.button = button;
            this.declineButton = declineButton;
            this.thanks = thanks;
            this.declined = declined;
            this.already = already;
            this.withdrawn = withdrawn;
            this.expired = expired;
            this.invalid = invalid;
        }

        /** {@code ?lang=} first, then the phone's languages, then the page's, else Kazakh. */
        static Lang pick(String requested, List<Locale> accepted, Language pageLanguage) {
            Lang chosen = byCode(requested);
            for (int i = 0; chosen == null && i < accepted.size(); i++) {
                chosen = byCode(accepted.get(i).getLanguage());
            }
            if (chosen == null && pageLanguage != null) {
                chosen = pageLanguage == Language.RU ? RU : KK;
            }
            return chosen == null ? KK : chosen;
        }

        private static Lang byCode(String code) {
            for (Lang lang : values()) {
                if (lang.code.equalsIgnoreCase(code)) {
                    return lang;
                }
            }
            return null;
        }
    }

    private AckHtml() {
    }

    /**
     * The page's classification and, unless it is already answered, the two buttons: Acknowledge posts to this URL,
     * Decline to {@code <this URL>/decline} (relative to the token, so no URL is built here).
     */
    static String confirm(Page page, String token, Lang lang) {
        String action = page.isClosed() ? note(answered(page, lang))
                : "<form method=\"post\"><button type=\"submit\">" + esc(lang.button) + "</button></form>"
                        + "<form method=\"post\" action=\"" + esc(token) + "/decline\">"
                        + "<button type=\"submit\" class=\"decline\">" + esc(lang.declineButton)
                        + "</button></form>";
        return document(lang, details(page, lang) + action);
    }

    static String thanks(Page page, Lang lang) {
        return document(lang, note(page.isAcknowledged() ? lang.thanks : lang.declined) + details(page, lang));
    }

    static String already(Page page, Lang lang) {
        return document(lang, note(answered(page, lang)) + details(page, lang));
    }

    private static String answered(Page page, Lang lang) {
        return page.status == PageStatus.WITHDRAWN ? lang.withdrawn : lang.already;
    }

    static String message(String text, Lang lang) {
        return document(lang, note(text));
    }

    private static String details(Page page, Lang lang) {
        return "<dl>"
                + "<dt>" + esc(lang.incident) + "</dt><dd class=\"id\">" + esc(page.incidentId.toString()) + "</dd>"
                + "<dt>" + esc(lang.category) + "</dt><dd>" + esc(page.category.name()) + "</dd>"
                + "<dt>" + esc(lang.severity) + "</dt><dd>" + esc(page.severity.name()) + "</dd>"
                + "<dt>" + esc(lang.district) + "</dt><dd>" + esc(page.district.name()) + "</dd>"
                + "</dl>";
    }

    private static String note(String text) {
        return "<p class=\"note\">" + esc(text) + "</p>";
    }

    private static String document(Lang lang, String body) {
        return "<!DOCTYPE html><html lang=\"" + lang.code + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(lang.title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:0 auto;padding:1.25rem;max-width:30rem;"
                + "font-size:1.1rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.5rem 1rem}dt{color:#555}"
                + "dd{margin:0;font-weight:600}.id{font-family:monospace;font-size:.85rem;word-break:break-all}"
                + "button{width:100%;padding:1.1rem;font-size:1.3rem;border:0;border-radius:.6rem;"
                + "background:#0b7a4b;color:#fff;margin-bottom:1rem}.decline{background:#9b2c2c}.note{padding:1rem;border-radius:.6rem;background:#eef2ee}"
                + "</style></head><body><h1>" + esc(lang.title) + "</h1>" + body + "</body></html>";
    }

    private static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
