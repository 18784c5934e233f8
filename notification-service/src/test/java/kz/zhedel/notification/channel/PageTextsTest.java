package kz.zhedel.notification.channel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import kz.zhedel.events.Category;
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.CoordinatorAlert.Reason;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.notification.texts.Texts;
import kz.zhedel.testing.RealInfrastructure;

/** The words of a page to the duty coordinator say why they are paged, in every text and in both languages. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class PageTextsTest {

    @Inject
    PageTexts texts;

    static Notice notice(Language language, CoordinatorAlert alert) {
        return new Notice(List.of(new PageMessage(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Category.SEXUAL_ABUSE, Severity.P1, District.NURA, language, Instant.parse("2044-01-01T10:05:00Z"),
                "1234", "https://ack.example/a/token", alert)), "+7 700 000 0001", language);
    }

    @Test
    void everyTextOfACoordinatorsPageSaysWhyInRussian() {
        Notice notice = notice(Language.RU, new CoordinatorAlert(Reason.NOBODY_ON_CALL, ResponderRole.PSYCHOLOGIST));
        String why = "КООРДИНАТОРУ: нет дежурного: психолог";
        assertTrue(texts.text(notice, true).contains(why + "\nИнцидент: "), texts.text(notice, true));
        assertTrue(texts.subject(notice).startsWith(why + ": ЖЕДЕЛ: сексуальное насилие, P1"),
                texts.subject(notice));
        assertTrue(texts.voice(notice).startsWith("Срочный вызов. " + why + ". сексуальное насилие"),
                texts.voice(notice));
    }

    @Test
    void everyReasonAndRoleHasKazakhAndRussianWords() {
        for (Reason reason : Reason.values()) {
            for (ResponderRole role : ResponderRole.values()) {
                for (Language language : Language.values()) {
                    String text = texts.text(notice(language, new CoordinatorAlert(reason, role)), false);
                    String why = Texts.alert(Texts.in(Texts.tag(language)), new CoordinatorAlert(reason, role));
                    assertTrue(text.contains(why), text);
                    assertFalse(why.contains("null"), why);
                }
            }
        }
        String kk = texts.text(notice(Language.KK, new CoordinatorAlert(Reason.PAGE_FAILED,
                ResponderRole.JUVENILE_INSPECTOR)), false);
        assertTrue(kk.contains("ҮЙЛЕСТІРУШІГЕ: кәмелетке толмағандар ісі жөніндегі инспектор шақыруы жетпеді"), kk);
    }

    @Test
    void aTeamMembersPageSaysNothingAboutTheCoordinator() {
        for (Language language : Language.values()) {
            Notice notice = notice(language, null);
            String all = texts.text(notice, true) + texts.subject(notice) + texts.voice(notice);
            assertFalse(all.contains("КООРДИНАТОРУ") || all.contains("ҮЙЛЕСТІРУШІГЕ"), all);
        }
    }
}
