package kz.zhedel.dispatch;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import kz.zhedel.dispatch.domain.Responder;
import kz.zhedel.dispatch.domain.ResponderContact;
import kz.zhedel.events.Channel;
import kz.zhedel.events.District;
import kz.zhedel.events.Language;
import kz.zhedel.events.ResponderRole;

/** The ops team, through the real HTTP API. */
final class Ops {

    static final String KEY = "test-admin-key";
    static final String PROBLEM = "application/problem+json";

    private Ops() {
    }

    static RequestSpecification ops() {
        return given().auth().oauth2(KEY).contentType(ContentType.JSON);
    }

    static Map<String, Object> responder(String name, ResponderRole role, List<District> districts,
            List<String> languages, List<Map<String, String>> contacts) {
        return Map.of("name", name, "role", role.name(), "districts", districts.stream().map(Enum::name).toList(),
                "languages", languages, "contacts", contacts);
    }

    static Map<String, String> contact(String channel, String address) {
        return Map.of("channel", channel, "address", address);
    }

    static Map<String, String> contact(String channel, String address, String delay) {
        return Map.of("channel", channel, "address", address, "delay", delay);
    }

    /** Enrols a responder speaking {@code languages} (codes) with one webhook contact; returns the id. */
    static UUID enrol(String name, ResponderRole role, List<String> languages, District... districts) {
        return enrol(responder(name, role, Arrays.asList(districts), languages,
                List.of(contact("WEBHOOK", "https://pager.example/" + name))));
    }

    static UUID enrol(Map<String, Object> responder) {
        return UUID.fromString(ops().body(responder).when().post("/api/v1/responders")
                .then().statusCode(201).extract().path("id"));
    }

    /** A Kazakh-speaking responder in Almaty on shift around {@code now} (see below). */
    static UUID onShift(String name, ResponderRole role, Instant now) {
        return onShift(name, role, "kk", District.ALMATY, now);
    }

    /** Enrols a responder speaking {@code language} and puts them on shift around {@code now}; returns the id. */
    static UUID onShift(String name, ResponderRole role, String language, District district, Instant now) {
        UUID id = enrol(name, role, List.of(language), district);
        shiftAround(id, now);
        return id;
    }

    /** A shift from four hours before {@code now} to four hours after: on call whatever the test's steps take. */
    static UUID shiftAround(UUID responderId, Instant now) {
        return shift(responderId, now.minus(Duration.ofHours(4)), now.plus(Duration.ofHours(4)));
    }

    static UUID shift(UUID responderId, Instant start, Instant end) {
        return UUID.fromString(ops().body(Map.of("responderId", responderId.toString(), "start", start.toString(),
                "end", end.toString())).when().post("/api/v1/shifts")
                .then().statusCode(201).extract().path("id"));
    }

    /**
     * A responder with a fixed id (e.g. the configured duty coordinator), enrolled directly in the database once;
     * an SMS contact.
     */
    static void enrolOnce(UUID id, String name, ResponderRole role, String phone) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Responder.findById(id) == null) {
                Responder responder = new Responder();
                responder.id = id;
                responder.name = name;
                responder.role = role;
                responder.districts.add(District.ALMATY);
                responder.languages.add(Language.RU);
                responder.contacts.add(ResponderContact.of(Channel.SMS, phone));
                responder.persist();
            }
        });
    }
}
