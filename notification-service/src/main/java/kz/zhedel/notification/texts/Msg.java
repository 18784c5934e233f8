package kz.zhedel.notification.texts;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;

/**
 * Every word a responder reads, once: the responder's page, SMS, voice, e-mail and Telegram. English here (the
 * default), Kazakh and Russian in {@code messages/msg_kk.properties} and {@code msg_ru.properties}; the names of
 * categories, severities, districts and roles in all three files ({@code category_BULLYING=...}).
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message
    String category(Category category);

    /** Short: P1..P4, as the responders say it; {@link #severityMeaning} says what it means. */
    @Message
    String severity(Severity severity);

    @Message
    String severityMeaning(Severity severity);

    @Message
    String district(District district);

    @Message
    String role(ResponderRole role);

    // why the duty coordinator is paged
    @Message("COORDINATOR: nobody on call: {role}")
    String alertNobodyOnCall(String role);

    @Message("COORDINATOR: the page to the {role} did not get through, every contact failed")
    String alertPageFailed(String role);

    @Message("COORDINATOR: nobody acknowledged the page: {role}")
    String alertEscalationExhausted(String role);

    // the texts (SMS, e-mail, Telegram, voice)
    @Message("ZHEDEL: urgent page")
    String textTitle();

    @Message("ZHEDEL: {count} new pages")
    String textBundleTitle(int count);

    @Message("ZHEDEL: {category}, {severity}, {district}")
    String subject(String category, String severity, String district);

    @Message("Incident: {id}")
    String textIncident(String id);

    @Message("Acknowledge by: {deadline}")
    String textDeadline(String deadline);

    @Message("Reply: \"{code} 1\" acknowledge, \"{code} 2\" decline")
    String textReply(String code);

    @Message("Urgent page.")
    String voiceTitle();

    @Message("Acknowledge by {deadline}.")
    String voiceDeadline(String deadline);

    @Message("To answer, open the SMS or the e-mail.")
    String voiceAnswer();

    // buttons (page and Telegram)
    @Message("Acknowledge")
    String acknowledge();

    @Message("Decline")
    String decline();

    @Message("On scene")
    String onScene();

    @Message("Resolved")
    String resolved();

    // the responder's page
    @Message("Urgent page")
    String pageTitle();

    @Message("Incident")
    String incident();

    @Message("Category")
    String categoryLabel();

    @Message("Severity")
    String severityLabel();

    @Message("District")
    String districtLabel();

    @Message("Your role")
    String roleLabel();

    @Message("Acknowledge by")
    String deadlineLabel();

    @Message("{minutes} min left")
    String minutesLeft(long minutes);

    @Message("{minutes} min overdue")
    String minutesOverdue(long minutes);

    @Message("The team")
    String teamLabel();

    @Message("Earlier incidents about this child")
    String linkedLabel();

    @Message("not covered yet")
    String teamWaiting();

    @Message("paged, not acknowledged")
    String teamAssigned();

    @Message("acknowledged")
    String teamAcknowledged();

    @Message("on scene")
    String teamOnScene();

    @Message("done")
    String teamResolved();

    @Message("called off")
    String teamCancelled();

    @Message("Thank you. The page is acknowledged. Press \"On scene\" when you arrive.")
    String acknowledged();

    @Message("You declined the page. Someone else will be paged.")
    String declined();

    @Message("Noted: you are on scene. Press \"Resolved\" when your part is done.")
    String onSceneNoted();

    @Message("Thank you. Your part of this case is done. This link no longer works.")
    String resolvedNoted();

    @Message("This step was already taken: nothing changed.")
    String alreadyDone();

    @Message("This page no longer stands: the case went to someone else or was closed.")
    String ended();

    @Message("This link has expired. Please call the duty coordinator.")
    String expired();

    @Message("This link is not valid.")
    String invalid();
}
