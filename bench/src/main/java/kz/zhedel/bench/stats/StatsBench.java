package kz.zhedel.bench.stats;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import kz.zhedel.bench.LocalStack;

/**
 * {@code ./zhedel bench stats}: the latency of each statistics route as a client sees it, over whatever reporting
 * holds (after {@code seed-stats}). Each route, JSON and CSV, with and without filters, is asked
 * {@code ZHEDEL_BENCH_WARMUP} (30) times to warm up (not counted), then {@code ZHEDEL_BENCH_REQUESTS} (200) times one after the
 * other; p50/p99/max from an HdrHistogram of the response times. Printed as a table with the last seed's ingest
 * rate and written to {@code $ZHEDEL_HOME/bench/stats-<time>.json} (and {@code stats-latest.json}).
 */
public final class StatsBench {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    /** One route as measured. */
    record Route(String name, String path, String accept) {
    }

    public static void main(String[] args) throws Exception {
        LocalStack stack = LocalStack.devStackOrExit();
        int requests = Integer.parseInt(System.getenv().getOrDefault("ZHEDEL_BENCH_REQUESTS", "200"));
        int warmUp = Integer.parseInt(System.getenv().getOrDefault("ZHEDEL_BENCH_WARMUP", "30"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // no h2c upgrade
        double rollUpSeconds = awaitRollup(client, stack);
        String incidents = get(client, stack, new Route("count", "/api/v1/stats/summary", "application/json"))
                .replaceAll("(?s)^\\{\"incidents\":(\\d+).*", "$1");
        Map<String, long[]> results = new LinkedHashMap<>();
        System.out.printf("%-44s %8s %8s %8s%n", "route (" + requests + " requests each)", "p50 ms", "p99 ms",
                "max ms");
        byte[] buffer = new byte[64 * 1024];
        for (Route route : routes()) {
            for (int i = 0; i < warmUp; i++) {
                fetch(client, stack, route, buffer);
            }
            Histogram h = new Histogram(3_600_000_000L, 3);
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                fetch(client, stack, route, buffer);
                h.recordValue((System.nanoTime() - start) / 1000);
            }
            long[] us = { h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue() };
            results.put(route.name(), us);
            System.out.printf(Locale.ROOT, "%-44s %8.1f %8.1f %8.1f%n", route.name(), us[0] / 1000.0, us[1] / 1000.0,
                    us[2] / 1000.0);
        }
        Path seed = stack.home().resolve("bench/seed-stats.json");
        String ingest = Files.isRegularFile(seed) ? Files.readString(seed).trim() : "null";
        System.out.println("Incidents in reporting: " + incidents + "; last seed: " + ingest);
        System.out.printf(Locale.ROOT, "The rollup had caught up %.0f s after the bench started%n", rollUpSeconds);
        String json = String.format(Locale.ROOT, "{\"at\": \"%s\", \"incidents\": %s, \"requestsPerRoute\": %d, "
                + "\"warmUp\": %d, \"rollUpSeconds\": %.1f, \"load\": \"%s\", \"seed\": %s,%n \"routes\": {%n%s}}%n",
                Instant.now(), incidents, requests, warmUp, rollUpSeconds, Files.readString(Path.of("/proc/loadavg")).trim(), ingest,
                results.entrySet().stream().map(e -> String.format(Locale.ROOT,
                        "  \"%s\": {\"p50Ms\": %.2f, \"p99Ms\": %.2f, \"maxMs\": %.2f}", e.getKey(),
                        e.getValue()[0] / 1000.0, e.getValue()[1] / 1000.0, e.getValue()[2] / 1000.0))
                        .collect(Collectors.joining(",\n")));
        String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
        SeedStats.write(stack.home().resolve("bench/stats-" + stamp + ".json"), json);
        SeedStats.write(stack.home().resolve("bench/stats-latest.json"), json);
    }

    /**
     * Over the last 365 days (the seed's span), on Asia/Almaty day boundaries as the centre publishes: summary,
     * series by day, week and month, the public figures; filtered by one dimension and a severity (one slice of the
     * rollup), and by three dimensions (the rollup's cells of the open dimension's values).
     */
    static List<Route> routes() {
        LocalDate today = LocalDate.now(ALMATY);
        String year = "from=" + start(today.minusDays(364)) + "&to=" + start(today.plusDays(1));
        String publicYear = "from=" + today.minusDays(365) + "&to=" + today; // ended days only
        String filters = "&district=BAIKONUR&severity=P3";
        String threeDimensions = "&district=BAIKONUR&severity=P3&partnerKind=SCHOOL&schoolType=STATE";
        List<Route> routes = new ArrayList<>();
        for (String accept : List.of("application/json", "text/csv")) {
            String as = accept.equals("text/csv") ? " csv" : "";
            routes.add(new Route("summary year" + as, "/api/v1/stats/summary?" + year, accept));
            routes.add(new Route("summary year filtered" + as, "/api/v1/stats/summary?" + year + filters, accept));
            routes.add(new Route("summary year, three dimensions" + as, "/api/v1/stats/summary?" + year
                    + threeDimensions, accept));
            routes.add(new Route("summary last 30 days" + as, "/api/v1/stats/summary?from="
                    + start(today.minusDays(29)) + "&to=" + start(today.plusDays(1)), accept));
            for (String bucket : List.of("day", "week", "month")) {
                routes.add(new Route("series " + bucket + " year" + as, "/api/v1/stats/series?bucket=" + bucket + "&"
                        + year, accept));
            }
            routes.add(new Route("series month year filtered" + as, "/api/v1/stats/series?bucket=month&" + year
                    + filters, accept));
            routes.add(new Route("public year" + as, "/api/v1/stats/public?" + publicYear, accept));
        }
        return routes;
    }

    /**
     * Waits until reporting's rollup has taken in every change (its gauge {@code zhedel_stats_rollup_pending} is 0):
     * the routes are measured over finished tallies, not while the seed's days are still being rolled up. Answers
     * how long that took.
     */
    private static double awaitRollup(HttpClient client, LocalStack stack) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + java.time.Duration.ofMinutes(30).toNanos();
        while (true) {
            String metrics = client.send(HttpRequest.newBuilder(URI.create(stack.reportingUrl() + "/q/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher pending = java.util.regex.Pattern
                    .compile("(?m)^zhedel_stats_rollup_pending ([0-9.eE+]+)").matcher(metrics);
            if (pending.find() && Double.parseDouble(pending.group(1)) == 0) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting's rollup did not catch up within 30 minutes");
            }
            System.out.println("  waiting for the rollup: " + (pending.find(0) ? pending.group(1) : "?")
                    + " periods pending");
            Thread.sleep(5000);
        }
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ALMATY).toInstant();
    }

    private static String get(HttpClient client, LocalStack stack, Route route)
            throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(stack, route), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(route.name() + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /**
     * One measured request: the whole body is received and read, into one buffer (a series by day is 3.6 MB: read as
     * a string, the bench's own garbage collections would count in the route's latency).
     */
    private static void fetch(HttpClient client, LocalStack stack, Route route, byte[] buffer)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request(stack, route),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(route.name() + ": " + response.statusCode() + " "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            while (body.read(buffer) >= 0) {
                // the bytes are only received
            }
        }
    }

    private static HttpRequest request(LocalStack stack, Route route) {
        String[] pathAndQuery = route.path().split("\\?", 2);
        String query = pathAndQuery.length == 1 ? "" : "?" + java.util.Arrays.stream(pathAndQuery[1].split("&"))
                .map(p -> p.substring(0, p.indexOf('=') + 1)
                        + URLEncoder.encode(p.substring(p.indexOf('=') + 1), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(stack.reportingUrl() + pathAndQuery[0] + query))
                .header("Accept", route.accept()).header("Authorization", "Bearer " + stack.adminKey()).build();
    }

    private StatsBench() {
    }
}
