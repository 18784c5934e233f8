package kz.zhedel.reporting.board;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

import kz.zhedel.events.CancelReason;
import kz.zhedel.events.Category;
import kz.zhedel.events.District;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;

/**
 * The board's texts, English here; Kazakh and Russian in {@code messages/board_kk.properties} and
 * {@code board_ru.properties} (same keys). Templates use them as {@code {board:key}}.
 */
@MessageBundle(value = "board", locale = "en")
public interface BoardMessages {

    @Message("Ops board")
    String title();

    @Message("Sign in")
    String signInTitle();

    @Message("The board is for the duty coordinator and the ops team. Open the sign-in link you were given "
            + "(on the dev stack: ./zhedel login coordinator NAME).")
    String signInText();

    @Message("Sign in with your organisation's account")
    String signInOidc();

    @Message("Signed in: open the board")
    String openBoard();

    @Message("{#when reason}{#is INVALID}This sign-in link is not valid.{#is EXPIRED}This sign-in link has expired: "
            + "ask for a new one.{#is USED}This sign-in link was used already: each link opens the board once."
            + "{#is ROLE}The board is only for the coordinator and ops roles.{/when}")
    String refused(SignInRefused.Reason reason);

    @Message("Signed in as {subject} ({role})")
    String signedInAs(String subject, String role);

    @Message("Sign out")
    String signOut();

    @Message("Language")
    String language();

    @Message("Open incidents: {count}")
    String openIncidents(long count);

    @Message("No open incidents.")
    String none();

    @Message("Incident")
    String colId();

    @Message("Category")
    String colCategory();

    @Message("Severity")
    String colSeverity();

    @Message("District")
    String colDistrict();

    @Message("Age")
    String colAge();

    @Message("Acknowledge by")
    String colDeadline();

    @Message("Team")
    String colTeam();

    @Message("Actions")
    String colActions();

    @Message("unassigned")
    String unassigned();

    @Message("nobody yet")
    String noTeam();

    @Message("Last 24 hours")
    String chartDay();

    @Message("Last 30 days")
    String chartMonth();

    @Message("Incidents")
    String chartIncidents();

    @Message("Acknowledgement p90 (min)")
    String chartAckP90();

    @Message("Within SLA (%)")
    String chartSla();

    @Message("Assign")
    String assign();

    @Message("Responder")
    String responderId();

    @Message("Role")
    String responderRole();

    @Message("choose a name")
    String chooseResponder();

    @Message("on call now ({via})")
    String onCallNow(String via);

    @Message("not on call")
    String offDuty();

    @Message("{#if status == 0}dispatch cannot be reached{#else}dispatch refused the list ({status}){/if}")
    String respondersUnavailable(int status);

    @Message("Reason")
    String reason();

    @Message("Instead of (reassign)")
    String replaces();

    @Message("beside the team")
    String besideTeam();

    @Message("Cancel incident")
    String cancel();

    @Message("Comment")
    String comment();

    @Message("Note")
    String note();

    @Message("Send")
    String send();

    @Message("Dispatch accepted it.")
    String accepted();

    @Message("Dispatch refused ({status}):")
    String refusedByDispatch(int status);

    @Message("Dispatch cannot be reached; try again.")
    String unreachable();

    @Message("{#when category}{#is PHYSICAL_ABUSE}Physical abuse{#is EMOTIONAL_ABUSE}Emotional abuse"
            + "{#is SEXUAL_ABUSE}Sexual abuse{#is NEGLECT}Neglect{#is DOMESTIC_VIOLENCE_WITNESSED}Domestic violence "
            + "witnessed{#is BULLYING}Bullying{#is CYBERBULLYING}Cyberbullying{#is PEER_CONFLICT}Peer conflict"
            + "{#is FAMILY_CONFLICT}Family conflict{#is MENTAL_HEALTH}Mental health{#is SELF_HARM}Self-harm"
            + "{#is SUICIDAL_IDEATION}Suicidal ideation{#is RUNAWAY_MISSING}Runaway or "
            + "missing{#is SCHOOL_PROBLEMS}School problems{#is SUBSTANCE_USE}Substance use{#else}Other{/when}")
    String category(Category category);

    @Message("{#when severity}{#is P1}P1 · danger{#is P2}P2 · urgent{#is P3}P3 · today{#else}P4 · advice{/when}")
    String severity(Severity severity);

    @Message("{#when district}{#is ALMATY}Almaty{#is BAIKONUR}Baikonur{#is YESIL}Yesil{#is SARYARKA}Saryarka"
            + "{#else}Nura{/when}")
    String district(District district);

    @Message("{#when role}{#is PSYCHOLOGIST}Psychologist{#is JUVENILE_INSPECTOR}Juvenile inspector"
            + "{#is PROSECUTOR}Prosecutor{#is SOCIAL_WORKER}Social worker{#else}Coordinator{/when}")
    String role(ResponderRole role);

    @Message("{#when status}{#is ASSIGNED}assigned{#is PAGED}paged{#is ACKNOWLEDGED}acknowledged"
            + "{#else}on scene{/when}")
    String status(OpenIncidents.Status status);

    @Message("{#when reason}{#is FALSE_REPORT}False report{#is DUPLICATE}Duplicate{#is WITHDRAWN}Withdrawn"
            + "{#else}Other{/when}")
    String cancelReason(CancelReason reason);
}
