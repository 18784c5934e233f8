package kz.zhedel.bench.pipeline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.zhedel.events.District;

/**
 * What the benchmark sets up through the public APIs as ops would, and takes down again: a partner with a key of
 * its own, psychologists on shift in every district paged through the outside webhook receiver, and at the end the
 * benchmark's incidents cancelled, the shifts ended and the responders deactivated.
 */
final class BenchRoster {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String intakeUrl;
    private final String dispatchUrl;
    private final String adminKey;
    private final List<String> responders = new ArrayList<>();
    private final List<String> shifts = new ArrayList<>();

    BenchRoster(String intakeUrl, String dispatchUrl, String adminKey) {
        this.intakeUrl = intakeUrl;
        this.dispatchUrl = dispatchUrl;
        this.adminKey = adminKey;
    }

    /** A key of the partner {@code bench} (registered once), which the dev stack does not rate-limit. */
    String partnerKey() throws IOException, InterruptedException {
        HttpResponse<String> partner = post(intakeUrl + "/api/v1/partners",
                "{\"id\":\"bench\",\"name\":\"zhedel benchmark\",\"kind\":\"SCHOOL\"}");
        if (partner.statusCode() != 201 && partner.statusCode() != 409) {
            throw new IllegalStateException("intake refused the bench partner: " + partner.body());
        }
        return extract(KEY, post(intakeUrl + "/api/v1/partners/bench/keys", "{}"), 201, "key");
    }

    /** {@code perDistrict} psychologists in every district, on shift for {@code hours}. */
    void onCall(Pager pager, int perDistrict, int hours, String run) throws IOException, InterruptedException {
        Instant now = Instant.now();
        for (District district : District.values()) {
            for (int i = 0; i < perDistrict; i++) {
                String name = "bench-" + run + "-" + district.name().toLowerCase() + "-" + i;
                String id = extract(ID, post(dispatchUrl + "/api/v1/responders", "{\"name\":\"" + name
                        + "\",\"role\":\"PSYCHOLOGIST\",\"districts\":[\"" + district + "\"],\"languages\":[\"kk\","
                        + "\"ru\"],\"contacts\":[{\"channel\":\"WEBHOOK\",\"address\":\"" + pager.url(name)
                        + "\"}]}"), 201, "id");
                responders.add(id);
                shifts.add(extract(ID, post(dispatchUrl + "/api/v1/shifts", "{\"responderId\":\"" + id
                        + "\",\"start\":\"" + now.minus(Duration.ofMinutes(10)) + "\",\"end\":\""
                        + now.plus(Duration.ofHours(hours)) + "\"}"), 201, "id"));
            }
        }
    }

    /** Leaves the dev stack as the benchmark found it: nobody paged later for the benchmark's reports. */
    void takeDown(List<String> incidents) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (String incident : incidents) {
            pool.submit(() -> post(dispatchUrl + "/api/v1/incidents/" + incident + "/cancel",
                    "{\"reason\":\"OTHER\",\"comment\":\"benchmark\"}"));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        for (String shift : shifts) {
            send(HttpRequest.newBuilder(URI.create(dispatchUrl + "/api/v1/shifts/" + shift)).DELETE());
        }
        for (String responder : responders) {
            post(dispatchUrl + "/api/v1/responders/" + responder + "/deactivate", "{\"reason\":\"benchmark over\"}");
        }
    }

    private HttpResponse<String> post(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + adminKey).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String extract(Pattern field, HttpResponse<String> response, int status, String what) {
        Matcher m = field.matcher(response.body());
        if (response.statusCode() != status || !m.find()) {
            throw new IllegalStateException("expected " + status + " with " + what + ", got " + response.statusCode()
                    + ": " + response.body());
        }
        return m.group(1);
    }
}
