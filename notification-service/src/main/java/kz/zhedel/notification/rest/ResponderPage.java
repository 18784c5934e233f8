package kz.zhedel.notification.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.events.Language;
import kz.zhedel.notification.config.TextConfig;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.notification.domain.TeamRole;
import kz.zhedel.notification.rest.AckView.Button;
import kz.zhedel.notification.rest.AckView.Member;
import kz.zhedel.notification.texts.Msg;
import kz.zhedel.notification.texts.Texts;

/** Puts a page into the responder's words for {@code templates/AckResource/page.html}. */
@ApplicationScoped
class ResponderPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Clock clock;
    private final DateTimeFormatter time;

    ResponderPage(Clock clock, TextConfig config) {
        this.clock = clock;
        this.time = TIME.withZone(config.timeZone());
    }

    /** {@code ?lang=} first, then the phone's languages, then the responder's, else Kazakh. */
    static String language(String requested, List<Locale> accepted, Language responders) {
        if (requested != null && Texts.LANGUAGES.contains(requested.toLowerCase(Locale.ROOT))) {
            return requested.toLowerCase(Locale.ROOT);
        }
        for (Locale locale : accepted) {
            if (Texts.LANGUAGES.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return Texts.tag(responders);
    }

    /** {@code note}: what just happened, or null for the note the page's state says. */
    AckView view(Page page, String token, String lang, String note) {
        Msg msg = Texts.in(lang);
        Page.Progress progress = page.progress();
        Instant now = clock.instant();
        boolean open = progress == Page.Progress.OPEN;
        String remaining = null;
        boolean overdue = false;
        if (open && page.ackDeadline != null) {
            long minutes = Duration.between(now, page.ackDeadline).toMinutes();
            overdue = !now.isBefore(page.ackDeadline);
            remaining = overdue ? msg.minutesOverdue(Math.max(1, -minutes)) : msg.minutesLeft(Math.max(1, minutes));
        }
        List<Member> team = TeamRole.ofIncident(page.incidentId).stream()
                .filter(member -> member.role != page.role)
                .map(member -> new Member(msg.role(member.role), state(msg, member.state),
                        member.state.name().toLowerCase(Locale.ROOT).replace('_', '-')))
                .toList();
        return new AckView(lang, page.incidentId.toString(), msg.category(page.category),
                msg.severity(page.severity), msg.severityMeaning(page.severity), msg.district(page.district),
                page.role == null ? null : msg.role(page.role),
                page.ackDeadline == null ? null : time.format(page.ackDeadline), remaining, overdue, team,
                page.linkedIncidents, note != null ? note : note(msg, progress), buttons(msg, progress, token, lang));
    }

    /** What the page's state tells the responder; nothing before they answered. */
    static String note(Msg msg, Page.Progress progress) {
        return switch (progress) {
            case OPEN -> null;
            case DECLINED -> msg.declined();
            case ACKNOWLEDGED -> msg.acknowledged();
            case ON_SCENE -> msg.onSceneNoted();
            case RESOLVED -> msg.resolvedNoted();
            case ENDED -> msg.ended();
        };
    }

    private static List<Button> buttons(Msg msg, Page.Progress progress, String token, String lang) {
        String query = "?lang=" + lang;
        List<Button> buttons = new ArrayList<>();
        switch (progress) {
            case OPEN -> {
                buttons.add(new Button(token + query, msg.acknowledge(), "acknowledge"));
                buttons.add(new Button(token + "/decline" + query, msg.decline(), "decline"));
            }
            case ACKNOWLEDGED -> buttons.add(new Button(token + "/on-scene" + query, msg.onScene(), "on-scene"));
            case ON_SCENE -> buttons.add(new Button(token + "/resolved" + query, msg.resolved(), "resolved"));
            default -> {
            }
        }
        return buttons;
    }

    private static String state(Msg msg, TeamRole.State state) {
        return switch (state) {
            case WAITING -> msg.teamWaiting();
            case ASSIGNED -> msg.teamAssigned();
            case ACKNOWLEDGED -> msg.teamAcknowledged();
            case ON_SCENE -> msg.teamOnScene();
            case RESOLVED -> msg.teamResolved();
            case CANCELLED -> msg.teamCancelled();
        };
    }
}
