package kz.zhedel.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.zhedel.events.IncidentLinksChanged;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.Topics;
import kz.zhedel.intake.domain.Incident;
import kz.zhedel.platform.security.Roles;
import kz.zhedel.testing.CloudEventRecords;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TestTokens;

/** Reports about one child from different partners, spelt differently, are linked; the coordinator decides. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class LinkingTest {

    @Inject
    EntityManager db;

    static String report(String externalRef, String firstName, String lastName, int birthYear) {
        return IncidentResourceTest.report(externalRef).replace("Айгерим", firstName).replace("Сапарова", lastName)
                .replace("2013", String.valueOf(birthYear));
    }

    static String post(String key, String body) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body).when().post("/api/v1/incidents")
                .then().statusCode(202).extract().path("id");
    }

    static RequestSpecification coordinator() {
        return given().auth().oauth2(TestTokens.token(Roles.COORDINATOR, "duty-coordinator"));
    }

    static int linked(String id) {
        return coordinator().when().get("/api/v1/incidents/" + id).then().statusCode(200).extract()
                .path("linkedIncidents");
    }

    @Inject
    SessionFactory hibernate;

    /** The 1,000th report about a child costs what the first did: linking loads (so decrypts) no earlier report. */
    @Test
    @SuppressWarnings("unchecked")
    void linkingTheThousandthReportAboutAChildReadsNoPersonalData() {
        String first = post("key-a", report("many-0", "Тамерлан", "Жаксылыков", 2012));
        // 998 more earlier reports about the same child: copies of the first row under new ids and refs
        QuarkusTransaction.requiringNew().run(() -> {
            List<String> columns = db.createNativeQuery("select column_name from information_schema.columns "
                    + "where table_name = 'incident' order by ordinal_position").getResultList();
            String values = String.join(", ", columns.stream().map(c -> switch (c) {
                case "id" -> "gen_random_uuid()";
                case "external_ref" -> "'many-' || g";
                default -> c;
            }).toList());
            db.createNativeQuery("insert into incident (" + String.join(", ", columns) + ") select " + values
                    + " from incident, generate_series(1, 998) g where id = ?1").setParameter(1, UUID.fromString(first))
                    .executeUpdate();
        });
        Statistics statistics = hibernate.getStatistics();
        statistics.clear();

        String thousandth = post("key-a", report("many-999", "Тамерлан", "Жаксылыков", 2012));

        assertEquals(0, statistics.getEntityStatistics(Incident.class.getName()).getLoadCount(),
                "no earlier incident was loaded, so none of their personal data was decrypted");
        assertEquals(999, linked(thousandth));
    }

    @Test
    void reportsAboutOneChildAcrossAlphabetsAndPartnersAreLinked() {
        String school = post("key-a", report("link-1", "Айгерім", "Сейітова", 2014));
        String police = post("key-b", report("link-2", "Aigerim", "Seitova", 2014));
        String helpline = post("key-a", report("link-3", "Айгерим", "Сеитова", 2014));
        String someoneElse = post("key-a", report("link-4", "Айгерим", "Сеитова", 2015));

        assertEquals(0, linked(school));
        assertEquals(1, linked(police));
        assertEquals(2, linked(helpline));
        assertEquals(0, linked(someoneElse));
        // the partner does not learn that others reported the same child
        given().auth().oauth2("key-a").when().get("/api/v1/incidents/" + helpline)
                .then().statusCode(200).body("$", not(hasKey("linkedIncidents")));

        // dispatch learns the count, never the name or the key
        ConsumerRecord<String, String> record = Kafka.topic(Topics.INCIDENTS).awaitRecord(r -> helpline.equals(r.key()));
        assertEquals(2, ((IncidentReported) CloudEventRecords.decode(record)).linkedIncidents());

        // the coordinator sees the links, confirms one and splits the other
        coordinator().when().get("/api/v1/incidents/" + helpline + "/links").then().statusCode(200)
                .body("size()", equalTo(2)).body("status", org.hamcrest.Matchers.everyItem(equalTo("AUTO")));
        coordinator().when().post("/api/v1/incidents/" + helpline + "/links/" + school + "/confirm")
                .then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("decidedBy", equalTo("duty-coordinator"));
        coordinator().when().post("/api/v1/incidents/" + police + "/links/" + helpline + "/split")
                .then().statusCode(200).body("status", equalTo("SPLIT"));
        assertEquals(1, linked(helpline));
        // and dispatch hears the helpline incident's new count
        Kafka.eventually().untilAsserted(() -> assertEquals(Optional.of(1), Kafka.topic(Topics.INCIDENTS)
                .events(UUID.fromString(helpline), IncidentLinksChanged.class).stream()
                .reduce((first, last) -> last).map(IncidentLinksChanged::linkedIncidents)));
        coordinator().when().post("/api/v1/incidents/" + school + "/links/" + someoneElse + "/split")
                .then().statusCode(404);
        given().auth().oauth2("key-a").when().post("/api/v1/incidents/" + helpline + "/links/" + school + "/split")
                .then().statusCode(403);
    }

    @Test
    void onlyIncidentsWithinTheWindowAreLinked() {
        String old = post("key-a", report("window-1", "Дана", "Оспанова", 2012));
        QuarkusTransaction.requiringNew().run(() -> db.createNativeQuery(
                "update incident set received_at = ?1 where id = ?2")
                .setParameter(1, Timestamp.from(Instant.now().minus(Duration.ofDays(181))))
                .setParameter(2, UUID.fromString(old)).executeUpdate());
        String recent = post("key-a", report("window-2", "Дана", "Оспанова", 2012));
        String latest = post("key-b", report("window-3", "Dana", "Ospanova", 2012));

        assertEquals(0, linked(recent));
        assertEquals(1, linked(latest));
    }
}
