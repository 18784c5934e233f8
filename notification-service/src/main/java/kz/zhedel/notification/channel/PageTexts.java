package kz.zhedel.notification.channel;

import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.events.Category;
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.notification.config.TextConfig;

/**
 * The words of a page, from the Qute templates {@code templates/{page,subject,voice}-{kk,ru}.txt}, in the
 * responder's language. They only ever see a {@link Line}: ids, classification, deadline, reply code and link, and
 * on a coordinator's page why they are paged.
 */
@ApplicationScoped
public class PageTexts {

    /**
     * One page as the templates see it, already in the responder's words; {@code alert}: why the duty coordinator
     * is paged (null on a team member's page).
     */
    @TemplateData
    public record Line(String incidentId, String category, String severity, String district, String deadline,
            String replyCode, String ackUrl, String alert) {
    }

    private static final Map<ResponderRole, String> ROLE_KK = new EnumMap<>(Map.of(
            ResponderRole.PSYCHOLOGIST, "психолог",
            ResponderRole.JUVENILE_INSPECTOR, "кәмелетке толмағандар ісі жөніндегі инспектор",
            ResponderRole.PROSECUTOR, "прокурор",
            ResponderRole.SOCIAL_WORKER, "әлеуметтік қызметкер",
            ResponderRole.COORDINATOR, "үйлестіруші"));
    private static final Map<ResponderRole, String> ROLE_RU = new EnumMap<>(Map.of(
            ResponderRole.PSYCHOLOGIST, "психолог",
            ResponderRole.JUVENILE_INSPECTOR, "инспектор по делам несовершеннолетних",
            ResponderRole.PROSECUTOR, "прокурор",
            ResponderRole.SOCIAL_WORKER, "социальный работник",
            ResponderRole.COORDINATOR, "координатор"));
    private static final Map<CoordinatorAlert.Reason, String> ALERT_KK = new EnumMap<>(Map.of(
            CoordinatorAlert.Reason.NOBODY_ON_CALL, "ҮЙЛЕСТІРУШІГЕ: кезекші жоқ: %s",
            CoordinatorAlert.Reason.PAGE_FAILED, "ҮЙЛЕСТІРУШІГЕ: %s шақыруы жетпеді, барлық байланыс сәтсіз",
            CoordinatorAlert.Reason.ESCALATION_EXHAUSTED, "ҮЙЛЕСТІРУШІГЕ: шақыруды ешкім қабылдамады: %s"));
    private static final Map<CoordinatorAlert.Reason, String> ALERT_RU = new EnumMap<>(Map.of(
            CoordinatorAlert.Reason.NOBODY_ON_CALL, "КООРДИНАТОРУ: нет дежурного: %s",
            CoordinatorAlert.Reason.PAGE_FAILED, "КООРДИНАТОРУ: вызов не дошёл (%s), все контакты недоступны",
            CoordinatorAlert.Reason.ESCALATION_EXHAUSTED, "КООРДИНАТОРУ: никто не принял вызов: %s"));

    private static final Map<Category, String> CATEGORY_KK = new EnumMap<>(Map.ofEntries(
            Map.entry(Category.PHYSICAL_ABUSE, "физикалық зорлық"),
            Map.entry(Category.EMOTIONAL_ABUSE, "психологиялық зорлық"),
            Map.entry(Category.SEXUAL_ABUSE, "жыныстық зорлық"),
            Map.entry(Category.NEGLECT, "қараусыз қалдыру"),
            Map.entry(Category.DOMESTIC_VIOLENCE_WITNESSED, "отбасылық зорлықтың куәсі"),
            Map.entry(Category.BULLYING, "буллинг"),
            Map.entry(Category.CYBERBULLYING, "кибербуллинг"),
            Map.entry(Category.PEER_CONFLICT, "құрдастармен жанжал"),
            Map.entry(Category.FAMILY_CONFLICT, "отбасылық жанжал"),
            Map.entry(Category.MENTAL_HEALTH, "психикалық денсаулық"),
            Map.entry(Category.SELF_HARM, "өзіне зиян келтіру"),
            Map.entry(Category.SUICIDAL_IDEATION, "суицидтік ойлар"),
            Map.entry(Category.RUNAWAY_MISSING, "үйден кету / жоғалу"),
            Map.entry(Category.SCHOOL_PROBLEMS, "мектептегі қиындықтар"),
            Map.entry(Category.SUBSTANCE_USE, "психобелсенді заттар"),
            Map.entry(Category.OTHER, "басқа")));
    private static final Map<Category, String> CATEGORY_RU = new EnumMap<>(Map.ofEntries(
            Map.entry(Category.PHYSICAL_ABUSE, "физическое насилие"),
            Map.entry(Category.EMOTIONAL_ABUSE, "психологическое насилие"),
            Map.entry(Category.SEXUAL_ABUSE, "сексуальное насилие"),
            Map.entry(Category.NEGLECT, "пренебрежение нуждами"),
            Map.entry(Category.DOMESTIC_VIOLENCE_WITNESSED, "свидетель домашнего насилия"),
            Map.entry(Category.BULLYING, "буллинг"),
            Map.entry(Category.CYBERBULLYING, "кибербуллинг"),
            Map.entry(Category.PEER_CONFLICT, "конфликт со сверстниками"),
            Map.entry(Category.FAMILY_CONFLICT, "семейный конфликт"),
            Map.entry(Category.MENTAL_HEALTH, "психическое здоровье"),
            Map.entry(Category.SELF_HARM, "самоповреждение"),
            Map.entry(Category.SUICIDAL_IDEATION, "суицидальные мысли"),
            Map.entry(Category.RUNAWAY_MISSING, "уход из дома / пропажа"),
            Map.entry(Category.SCHOOL_PROBLEMS, "проблемы в школе"),
            Map.entry(Category.SUBSTANCE_USE, "психоактивные вещества"),
            Map.entry(Category.OTHER, "другое")));
    private static final Map<District, String> DISTRICT_KK = new EnumMap<>(Map.of(District.ALMATY,
            "Алматы ауданы", District.BAIKONUR, "Байқоңыр ауданы", District.YESIL, "Есіл ауданы",
            District.SARYARKA, "Сарыарқа ауданы", District.NURA, "Нұра ауданы"));
    private static final Map<District, String> DISTRICT_RU = new EnumMap<>(Map.of(District.ALMATY,
            "район Алматы", District.BAIKONUR, "район Байконур", District.YESIL, "район Есиль",
            District.SARYARKA, "район Сарыарка", District.NURA, "район Нура"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd.MM.yyyy");

    private final Engine engine;
    private final DateTimeFormatter time;

    PageTexts(Engine engine, TextConfig config) {
        this.engine = engine;
        this.time = TIME.withZone(config.timeZone());
    }

    /** The message body: every page with its link; {@code withReplyCodes} for channels the responder can reply on. */
    public String text(Notice notice, boolean withReplyCodes) {
        return render("page", notice, withReplyCodes);
    }

    public String subject(Notice notice) {
        return render("subject", notice, false).strip();
    }

    /** Read out by a voice call: no links or ids, only what the responder needs to call back. */
    public String voice(Notice notice) {
        return render("voice", notice, false).strip();
    }

    private String render(String kind, Notice notice, boolean sms) {
        Language language = notice.language() == Language.RU ? Language.RU : Language.KK;
        List<Line> lines = notice.pages().stream().map(p -> line(p, language)).toList();
        return engine.getTemplate(kind + "-" + (language == Language.RU ? "ru" : "kk"))
                .data("lines", lines)
                .data("first", lines.get(0))
                .data("sms", sms)
                .render();
    }

    private Line line(PageMessage page, Language language) {
        boolean ru = language == Language.RU;
        String deadline = page.ackDeadline() == null ? "—" : time.format(page.ackDeadline());
        return new Line(page.incidentId().toString(),
                (ru ? CATEGORY_RU : CATEGORY_KK).get(page.category()), page.severity().name(),
                (ru ? DISTRICT_RU : DISTRICT_KK).get(page.district()), deadline, page.replyCode(), page.ackUrl(),
                alert(page.alert(), ru));
    }

    /** Why the coordinator is paged, in their words: the reason and the role, nothing about the child. */
    static String alert(CoordinatorAlert alert, boolean ru) {
        if (alert == null || alert.reason() == null) {
            return null;
        }
        String role = alert.role() == null ? "—" : (ru ? ROLE_RU : ROLE_KK).get(alert.role());
        return String.format((ru ? ALERT_RU : ALERT_KK).get(alert.reason()), role);
    }
}
