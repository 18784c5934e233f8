package kz.zhedel.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

import kz.zhedel.platform.security.Roles;
import kz.zhedel.reporting.service.SampleSchools;
import kz.zhedel.reporting.service.Schools;
import kz.zhedel.testing.RealInfrastructure;
import kz.zhedel.testing.TestTokens;

/** The school registry: CSV import (atomic, errors by line and column), reading it back, the dev sample. */
@QuarkusTest
@WithTestResource(RealInfrastructure.class)
class SchoolRegistryTest {

    private static final String GOOD = """
            id,name,type,district
            sch-1,School No. 1,STATE,YESIL
            sch-2,"Bilim, private school",PRIVATE,nura
            """;

    @Inject
    Schools schools;

    private static ValidatableResponse put(String csv) {
        return given().auth().oauth2(Fixtures.OPS_KEY).contentType("text/csv").body(csv)
                .when().put("/api/v1/schools").then();
    }

    @Test
    void importReplacesTheRegistryAndReadsBackAsJsonAndCsv() {
        put("id,name,type,district\nold-1,Old school,STATE,ALMATY\n").statusCode(200);
        put(GOOD).statusCode(200).body("schools", equalTo(2)).body("state", equalTo(1))
                .body("privateSchools", equalTo(1));

        given().auth().oauth2(Fixtures.OPS_KEY).when().get("/api/v1/schools").then().statusCode(200)
                .body("", hasSize(2))
                .body("[0].id", equalTo("sch-1")).body("[0].type", equalTo("STATE"))
                .body("[0].district", equalTo("YESIL")).body("[0].sample", equalTo(false))
                .body("[1].name", equalTo("Bilim, private school")).body("[1].district", equalTo("NURA"));
        String csv = given().auth().oauth2(TestTokens.token(Roles.COORDINATOR, "duty-coordinator"))
                .accept("text/csv").when().get("/api/v1/schools").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertEquals("id,name,type,district\nsch-1,School No. 1,STATE,YESIL\n"
                + "sch-2,\"Bilim, private school\",PRIVATE,NURA\n", csv);
        // What GET gives, PUT takes.
        put(csv).statusCode(200).body("schools", equalTo(2));
    }

    @Test
    void anErrorRejectsTheWholeFileNamingLineAndColumnAndKeepsTheRegistry() {
        put(GOOD).statusCode(200);
        put("""
                id,name,type,district
                new-1,Fine school,STATE,ALMATY
                new-2,Bad type,PUBLIC,ALMATY
                new-1,Twice,PRIVATE,MOON
                new-4,Too few,STATE
                """).statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("line 3, column 3 (type)"))
                .body("errors", hasSize(4))
                .body("errors[0].field", equalTo("line 3, column 3 (type)"))
                .body("errors[0].message", containsString("STATE, PRIVATE"))
                .body("errors[1].field", equalTo("line 4, column 1 (id)"))
                .body("errors[1].message", containsString("line 2"))
                .body("errors[2].field", equalTo("line 4, column 4 (district)"))
                .body("errors[3].field", equalTo("line 5"))
                .body("errors[3].message", containsString("3 columns"));
        assertEquals(List.of("sch-1", "sch-2"), schools.all().stream().map(Schools.School::id).toList());
    }

    @Test
    void aMissingHeaderOrAnUnclosedQuoteIsAProblem() {
        put("sch-1,School No. 1,STATE,YESIL\n").statusCode(400)
                .body("errors[0].field", equalTo("line 1")).body("errors[0].message", containsString("header"));
        put("").statusCode(400).body("errors[0].field", equalTo("line 1"));
        put("id,name,type,district\nsch-1,\"never closed,STATE,YESIL\n").statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].message", containsString("not readable"));
    }

    @Test
    void onlyOpsImportsAndThePartnerReadsNothing() {
        given().auth().oauth2(TestTokens.token(Roles.COORDINATOR, "duty-coordinator")).contentType("text/csv")
                .body(GOOD).when().put("/api/v1/schools").then().statusCode(403);
        given().auth().oauth2(Fixtures.PARTNER_KEY).when().get("/api/v1/schools").then().statusCode(403);
        given().when().get("/api/v1/schools").then().statusCode(401);
    }

    @Test
    void theSampleRegistryHas119StateAnd15PrivateSchoolsLabelledAsASample() {
        List<Schools.School> sample = SampleSchools.registry();
        assertEquals(119, sample.stream().filter(s -> s.type().equals("STATE")).count());
        assertEquals(15, sample.stream().filter(s -> s.type().equals("PRIVATE")).count());
        assertEquals(5, sample.stream().map(Schools.School::district).distinct().count());
        assertTrue(sample.stream().allMatch(s -> s.sample() && s.name().startsWith("Sample ")));
    }

    @Test
    void theSampleIsLoadedOnlyIntoAnEmptyRegistry() {
        put(GOOD).statusCode(200);
        List<Schools.School> sample = SampleSchools.registry();
        assertFalse(schools.loadIfEmpty(sample));
        assertEquals(2, schools.all().size());

        schools.replace(List.of());
        assertTrue(schools.loadIfEmpty(sample));
        given().auth().oauth2(Fixtures.OPS_KEY).when().get("/api/v1/schools").then().statusCode(200)
                .body("", hasSize(134)).body("[0].sample", equalTo(true));
    }
}
