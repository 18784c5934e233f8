package kz.zhedel.notification.channel;

import java.time.format.DateTimeFormatter;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.notification.config.TextConfig;
import kz.zhedel.notification.texts.Msg;
import kz.zhedel.notification.texts.Texts;

/**
 * The words of a page, from the type-safe templates {@code templates/PageTexts/{page,subject,voice}.txt} and the
 * message bundle {@link Msg}, in the responder's language. They only ever see a {@link Line}: ids, classification,
 * deadline, reply code and link, and on a coordinator's page why they are paged.
 */
@ApplicationScoped
public class PageTexts {

    /**
     * One page as the templates see it, already in the responder's words; {@code alert}: why the duty coordinator
     * is paged (null on a team member's page).
     */
    public record Line(String incidentId, String category, String severity, String district, String deadline,
            String replyCode, String ackUrl, String alert) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(List<Line> lines, boolean sms);

        static native TemplateInstance subject(List<Line> lines, Line first);

        static native TemplateInstance voice(List<Line> lines);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd.MM.yyyy");

    private final DateTimeFormatter time;

    PageTexts(TextConfig config) {
        this.time = TIME.withZone(config.timeZone());
    }

    /** The message body: every page with its link; {@code withReplyCodes} for channels the responder can reply on. */
    public String text(Notice notice, boolean withReplyCodes) {
        return render(Templates.page(lines(notice), withReplyCodes), notice);
    }

    public String subject(Notice notice) {
        List<Line> lines = lines(notice);
        return render(Templates.subject(lines, lines.get(0)), notice).strip();
    }

    /** Read out by a voice call: no links or ids, only what the responder needs to call back. */
    public String voice(Notice notice) {
        return render(Templates.voice(lines(notice)), notice).strip();
    }

    private static String render(TemplateInstance template, Notice notice) {
        return template.setLocale(Texts.locale(Texts.tag(notice.language()))).render();
    }

    private List<Line> lines(Notice notice) {
        Msg msg = Texts.in(Texts.tag(notice.language()));
        return notice.pages().stream().map(page -> new Line(page.incidentId().toString(),
                msg.category(page.category()), msg.severity(page.severity()), msg.district(page.district()),
                page.ackDeadline() == null ? "—" : time.format(page.ackDeadline()), page.replyCode(),
                page.ackUrl(), Texts.alert(msg, page.alert()))).toList();
    }
}
