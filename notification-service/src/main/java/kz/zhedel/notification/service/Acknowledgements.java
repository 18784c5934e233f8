package kz.zhedel.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.Channel;
import kz.zhedel.events.PageProgressed;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.notification.domain.Delivery;
import kz.zhedel.notification.domain.Page;
import kz.zhedel.platform.outbox.Outbox;
import kz.zhedel.platform.tracing.LaterWork;

/**
 * A responder answered a page (link, SMS reply, Telegram button): acknowledged or declined once, announced once,
 * and its remaining deliveries stop. An answer to a page already answered, expired or not the sender's changes
 * nothing.
 */
@ApplicationScoped
public class Acknowledgements {

    private static final Logger LOG = Logger.getLogger(Acknowledgements.class);
    /** "1234 1" acknowledges, "1234 2" declines; spaces and a missing space are forgiven. */
    private static final Pattern REPLY = Pattern.compile("\\s*(\\d{4})\\s*([12])\\s*");

    public enum Choice {
        ACKNOWLEDGE, DECLINE
    }

    /** Which path the answer came by; a decline's reason code names it, never the responder's words. */
    public enum Path {
        LINK, SMS, TELEGRAM;

        String declineReason() {
            return "DECLINED_BY_" + name();
        }
    }

    public enum Outcome {
        ANSWERED, ALREADY_ANSWERED, EXPIRED, UNKNOWN_PAGE
    }

    public record Answer(Outcome outcome, Page page) {
    }

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    LaterWork laterWork;

    /** Through the signed link: the token already proved who may answer; its expiry is checked by the caller. */
    @Transactional
    public Answer answer(UUID pageId, Choice choice, Path path) {
        Page page = Page.lock(pageId); // two presses at once: the second waits here and finds it answered
        if (page == null) {
            return new Answer(Outcome.UNKNOWN_PAGE, null);
        }
        return apply(page, choice, path);
    }

    /** A Telegram button: only from the chat the page was sent to, and while its link still works. */
    @Transactional
    public Answer byTelegram(UUID pageId, Choice choice, String chatId) {
        Page page = Page.lock(pageId);
        if (page == null || !sentTo(page, List.of(Channel.TELEGRAM), chatId::equals)) {
            return new Answer(Outcome.UNKNOWN_PAGE, null);
        }
        if (!clock.instant().isBefore(page.ackExpiresAt)) {
            return new Answer(Outcome.EXPIRED, page);
        }
        return apply(page, choice, Path.TELEGRAM);
    }

    /** An SMS reply: the code names an open page, and the sender's number must be one the page was sent to. */
    @Transactional
    public Answer bySms(String phone, String text) {
        Matcher reply = REPLY.matcher(text == null ? "" : text);
        String sender = digits(phone);
        if (!reply.matches() || sender.isEmpty()) {
            return new Answer(Outcome.UNKNOWN_PAGE, null);
        }
        Choice choice = "1".equals(reply.group(2)) ? Choice.ACKNOWLEDGE : Choice.DECLINE;
        for (Page candidate : Page.openWithReplyCode(reply.group(1), clock.instant())) {
            if (sentTo(candidate, List.of(Channel.SMS, Channel.VOICE), address -> digits(address).equals(sender))) {
                return apply(Page.lock(candidate.id), choice, Path.SMS);
            }
        }
        return new Answer(Outcome.UNKNOWN_PAGE, null);
    }

    /**
     * A step after the acknowledgement through the signed link (on scene, then resolved): once each, in order, while
     * the assignment lasts; announced for dispatch. The token's expiry is checked by the caller.
     */
    @Transactional
    public Answer progress(UUID pageId, PageProgressed.Stage stage) {
        Page page = Page.lock(pageId);
        if (page == null) {
            return new Answer(Outcome.UNKNOWN_PAGE, null);
        }
        if (page.progress().next() != stage) {
            return new Answer(Outcome.ALREADY_ANSWERED, page);
        }
        announce(page, page.progress(stage, clock.instant()));
        return new Answer(Outcome.ANSWERED, page);
    }

    /**
     * Dispatch reports a step of an assignment: its acknowledged pages keep in step (a step through the API shows on
     * the page too), and an end stops every page of it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assignmentProgressed(AssignmentProgressed event) {
        Instant at = event.at() == null ? clock.instant() : event.at();
        for (Page acknowledged : Page.acknowledgedOf(event.assignmentId())) {
            Page.lock(acknowledged.id).assignmentProgressed(event.stage(), at);
        }
        if (event.stage().isEnd()) {
            assignmentEnded(event.assignmentId());
        }
    }

    /** Dispatch took the acknowledgement some other way: this assignment's pages stop, with nothing to announce. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledgedElsewhere(AssignmentAcknowledged event) {
        Instant at = event.acknowledgedAt() == null ? clock.instant() : event.acknowledgedAt();
        closeOpenPages(event.assignmentId(), page -> page.acknowledgedElsewhere(at), "acknowledged");
    }

    /**
     * Dispatch ended the assignment (escalated past it, declined by another path, or called off): its open pages
     * stop, so that a late press on an old link gets a clear answer instead of acknowledging nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assignmentEnded(UUID assignmentId) {
        Instant now = clock.instant();
        for (Page acknowledged : Page.acknowledgedOf(assignmentId)) {
            Page.lock(acknowledged.id).assignmentProgressed(AssignmentProgressed.Stage.CANCELLED, now);
        }
        closeOpenPages(assignmentId, Page::withdraw, "ended");
    }

    /** Closes each open page of the assignment as {@code close} says; what is still due of it is not sent. */
    private void closeOpenPages(UUID assignmentId, Consumer<Page> close, String why) {
        for (Page open : Page.openOfAssignment(assignmentId)) {
            Page page = Page.lock(open.id);
            close.accept(page);
            Delivery.pending(page.id).forEach(Delivery::cancel);
            LOG.debugf("page %s closed: assignment %s %s", page.id, assignmentId, why);
        }
    }

    private Answer apply(Page page, Choice choice, Path path) {
        if (page.isClosed()) {
            return new Answer(Outcome.ALREADY_ANSWERED, page);
        }
        Instant now = clock.instant();
        announce(page, choice == Choice.ACKNOWLEDGE ? page.acknowledge(now) : page.decline(path.declineReason(), now));
        Delivery.pending(page.id).forEach(Delivery::cancel);
        return new Answer(Outcome.ANSWERED, page);
    }

    /** The responder's answer continues the incident's trace (the link's request is a trace of its own). */
    private void announce(Page page, ZhedelEvent event) {
        laterWork.inTrace(page.trace(), "page answered", () -> outbox.record(event));
    }

    private static boolean sentTo(Page page, List<Channel> channels, Predicate<String> address) {
        return Delivery.ofPage(page.id).stream()
                .anyMatch(d -> channels.contains(d.channel) && address.test(d.address));
    }

    private static String digits(String phone) {
        return phone == null ? "" : phone.replaceAll("[^0-9]", "");
    }
}
