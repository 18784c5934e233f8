package kz.zhedel.reporting;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;

import kz.zhedel.testing.TestTokens;

/** One-time sign-in links as {@code ./zhedel login} prints them, signed with the test key. */
final class BoardLinks {

    private BoardLinks() {
    }

    /** The token of a link issued at {@code issuedAt}, valid 10 minutes, carrying a dispatch token for the user. */
    static String token(String role, String subject, Instant issuedAt) {
        return TestTokens.sign(Jwt.issuer(TestTokens.ISSUER).subject(subject).groups(role)
                .claim("jti", UUID.randomUUID().toString()).claim("dispatch", TestTokens.token(role, subject))
                .issuedAt(issuedAt).expiresAt(issuedAt.plus(Duration.ofMinutes(10))));
    }

    static String token(String role, String subject) {
        return token(role, subject, Instant.now());
    }

    /** Redeems a fresh link with REST-assured and answers the session cookie. */
    static String session(String role, String subject) {
        return given().redirects().follow(false).queryParam("t", token(role, subject))
                .when().get("/login").then().statusCode(303).extract().cookie("zhedel_board");
    }
}
