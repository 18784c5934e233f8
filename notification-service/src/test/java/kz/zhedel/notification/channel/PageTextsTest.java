package kz.zhedel.notification.channel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.Variant;

import kz.zhedel.events.Category;
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.CoordinatorAlert.Reason;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;

/** The words of a page to the duty coordinator say why they are paged, in every text and in both languages. */
class PageTextsTest {

    private static final PageTexts TEXTS = new PageTexts(Engine.builder().addDefaults()
            .addValueResolver(new ReflectionValueResolver()).addLocator(PageTextsTest::template).build(),
            () -> ZoneId.of("Asia/Almaty"));

    private static Optional<TemplateLocation> template(String id) {
        InputStream in = PageTextsTest.class.getResourceAsStream("/templates/" + id + ".txt");
        if (in == null) {
            return Optional.empty();
        }
        String text;
        try (in) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new TemplateLocation() {
            @Override
            public Reader read() {
                return new StringReader(text);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.empty();
            }
        });
    }

    static Notice notice(Language language, CoordinatorAlert alert) {
        return new Notice(List.of(new PageMessage(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Category.SEXUAL_ABUSE, Severity.P1, District.NURA, language, Instant.parse("2044-01-01T10:05:00Z"),
                "1234", "https://ack.example/a/token", alert)), "+7 700 000 0001", language);
    }

    @Test
    void everyTextOfACoordinatorsPageSaysWhyInRussian() {
        Notice notice = notice(Language.RU, new CoordinatorAlert(Reason.NOBODY_ON_CALL, ResponderRole.PSYCHOLOGIST));
        String why = "КООРДИНАТОРУ: нет дежурного: психолог";
        assertTrue(TEXTS.text(notice, true).contains(why + "\nИнцидент: "), TEXTS.text(notice, true));
        assertTrue(TEXTS.subject(notice).startsWith(why + ": ЖЕДЕЛ: сексуальное насилие, P1"),
                TEXTS.subject(notice));
        assertTrue(TEXTS.voice(notice).startsWith("Срочный вызов. " + why + ". сексуальное насилие"),
                TEXTS.voice(notice));
    }

    @Test
    void everyReasonAndRoleHasKazakhAndRussianWords() {
        for (Reason reason : Reason.values()) {
            for (ResponderRole role : ResponderRole.values()) {
                for (Language language : Language.values()) {
                    String text = TEXTS.text(notice(language, new CoordinatorAlert(reason, role)), false);
                    String why = PageTexts.alert(new CoordinatorAlert(reason, role), language == Language.RU);
                    assertTrue(text.contains(why), text);
                    assertFalse(why.contains("null"), why);
                }
            }
        }
        String kk = TEXTS.text(notice(Language.KK, new CoordinatorAlert(Reason.PAGE_FAILED,
                ResponderRole.JUVENILE_INSPECTOR)), false);
        assertTrue(kk.contains("ҮЙЛЕСТІРУШІГЕ: кәмелетке толмағандар ісі жөніндегі инспектор шақыруы жетпеді"), kk);
    }

    @Test
    void aTeamMembersPageSaysNothingAboutTheCoordinator() {
        for (Language language : Language.values()) {
            Notice notice = notice(language, null);
            String all = TEXTS.text(notice, true) + TEXTS.subject(notice) + TEXTS.voice(notice);
            assertFalse(all.contains("КООРДИНАТОРУ") || all.contains("ҮЙЛЕСТІРУШІГЕ"), all);
        }
    }
}
