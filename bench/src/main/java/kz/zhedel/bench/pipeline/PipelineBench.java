package kz.zhedel.bench.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.awaitility.core.ConditionTimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import kz.zhedel.bench.LocalStack;

/**
 * {@code ./zhedel bench}: the whole pipeline under an open-model load through the public API, step by step, beside
 * the bare PostgreSQL and Kafka of the same stack measured in the same run; prints the table, writes JSON and a plot
 * under {@code $ZHEDEL_HOME/bench/}.
 */
public final class PipelineBench {

    /** After the last report of a step, how long pages may take to arrive before the rest count as lost. */
    static final long DRAIN_NANOS = 60_000_000_000L;

    public static void main(String[] args) throws Exception {
        LocalStack stack = LocalStack.fromEnvironment();
        stack.requireLocalDevStack();
        int[] rates = Arrays.stream(env("ZHEDEL_BENCH_RATES", "10,50,100,200,400").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int seconds = Integer.parseInt(env("ZHEDEL_BENCH_STEP_SECONDS", "20"));
        String intake = required("ZHEDEL_BENCH_INTAKE_URL");
        String dispatch = required("ZHEDEL_BENCH_DISPATCH_URL");
        String dbServer = stack.jdbcUrl().substring(0, stack.jdbcUrl().lastIndexOf('/'));
        String run = Long.toString(System.currentTimeMillis(), 36);
        Processes processes = new Processes(stack.home());

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", Instant.now().toString());
        out.put("cores", Runtime.getRuntime().availableProcessors());
        System.out.printf("bare infrastructure (same PostgreSQL and Kafka)...%n");
        double inserts = BareInfrastructure.insertsPerSecond(dbServer, stack.dbUser(), stack.dbPassword(), 32, 5);
        BareInfrastructure.Kafka kafka = BareInfrastructure.kafka(stack.bootstrap(), 200, 5);
        out.put("bare", Map.of("postgresInsertsPerSecondAt32", Math.round(inserts), "kafkaAt200PerSecond", kafka));

        List<String> incidents = new ArrayList<>();
        BenchRoster roster = new BenchRoster(intake, dispatch, stack.adminKey());
        try (Pager pager = new Pager()) {
            String key = roster.partnerKey();
            roster.onCall(pager, 4, 3, run);
            OpenLoad load = new OpenLoad(intake, key);
            Reports reports = new Reports(run);
            long number = 0;
            System.out.printf("warm-up: 20 reports/s for 10 s...%n");
            step(load, pager, processes, 20, 10, number, reports::distinct, incidents);
            number += 200;

            List<Step> steps = new ArrayList<>();
            for (int rate : rates) {
                System.out.printf("step: %d reports/s for %d s...%n", rate, seconds);
                steps.add(step(load, pager, processes, rate, seconds, number, reports::distinct, incidents));
                number += (long) rate * seconds;
            }
            out.put("steps", steps);

            System.out.printf("one child: 1000 reports about the same child at 20/s...%n");
            OpenLoad.Result child = load.run(20, 50, number, reports::sameChild);
            number += child.sent();
            child.accepted().forEach(a -> incidents.add(a.incidentId()));
            out.put("sameChild", sameChild(child));

            System.out.printf("intake alone: 32 clients for 10 s, dispatch, notification and reporting paused...%n");
            processes.pause("dispatch", "notification", "reporting");
            double alone;
            try {
                alone = load.closedLoopRate(32, 10, number, reports::distinct);
            } finally {
                processes.resume("dispatch", "notification", "reporting");
            }
            out.put("intakeAlone", Map.of("reportsPerSecondAt32", Math.round(alone),
                    "ratioToBareInserts", round(alone / inserts, 3)));
            out.put("rssMegabytes", processes.rssMegabytes());
            out.put("startedInSeconds", startTimes(stack.home()));

            print(steps, inserts, kafka, alone, out);
            Path dir = Files.createDirectories(stack.home().resolve("bench"));
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC)
                    .format(Instant.now());
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            json.writeValue(dir.resolve("pipeline-" + stamp + ".json").toFile(), out);
            json.writeValue(dir.resolve("pipeline-latest.json").toFile(), out);
            Plot.write(steps, dir.resolve("pipeline-latest.png"));
            System.out.printf("%nwritten: %s, %s%n", dir.resolve("pipeline-" + stamp + ".json"),
                    dir.resolve("pipeline-latest.png"));
        } finally {
            System.out.printf("taking down: cancelling %d benchmark incidents, ending shifts...%n", incidents.size());
            roster.takeDown(incidents);
        }
    }

    private static Step step(OpenLoad load, Pager pager, Processes processes, int rate, int seconds, long first,
            java.util.function.LongFunction<String> body, List<String> incidents) {
        Map<String, Double> cpuBefore = processes.cpuSeconds();
        long duplicatesBefore = pager.duplicates();
        OpenLoad.Result result = load.run(rate, seconds, first, body);
        result.accepted().forEach(a -> incidents.add(a.incidentId()));
        long deadline = System.nanoTime() + DRAIN_NANOS;
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofNanos(DRAIN_NANOS))
                    .pollInterval(java.time.Duration.ofMillis(100))
                    .until(() -> result.accepted().stream().allMatch(a -> pager.firstPageAt(a.incidentId()) != null));
        } catch (ConditionTimeoutException e) {
            // the rest count as lost: not paged within a minute of the step's end
        }
        Histogram toPage = new Histogram(600_000_000L, 3);
        long lost = 0;
        for (OpenLoad.Accepted accepted : result.accepted()) {
            Long paged = pager.firstPageAt(accepted.incidentId());
            if (paged == null || paged > deadline) {
                lost++;
            } else {
                toPage.recordValue(Math.max(0, (paged - accepted.dueAt()) / 1000));
            }
        }
        return new Step(rate, seconds, result.sent(), result.accepted().size(), result.refused(),
                Step.Percentiles.of(result.answerMicros()), Step.Percentiles.of(toPage), lost,
                pager.duplicates() - duplicatesBefore, Processes.minus(processes.cpuSeconds(), cpuBefore));
    }

    /**
     * Intake's answer times of the first and the last 100 of 1,000 reports about one child: the 1,000th must cost
     * no more than the first (linking reads no earlier report).
     */
    private static Map<String, Object> sameChild(OpenLoad.Result result) {
        List<OpenLoad.Accepted> byDue = result.accepted().stream()
                .sorted(java.util.Comparator.comparingLong(OpenLoad.Accepted::dueAt)).toList();
        int tail = Math.min(100, byDue.size());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("reports", result.sent());
        figures.put("accepted", byDue.size());
        figures.put("answer", Step.Percentiles.of(result.answerMicros()));
        figures.put("first100", answers(byDue.subList(0, tail)));
        figures.put("last100", answers(byDue.subList(byDue.size() - tail, byDue.size())));
        return figures;
    }

    private static Step.Percentiles answers(List<OpenLoad.Accepted> accepted) {
        Histogram micros = new Histogram(60_000_000L, 3);
        accepted.forEach(a -> micros.recordValue(Math.max(0, (a.answeredAt() - a.dueAt()) / 1000)));
        return Step.Percentiles.of(micros);
    }

    /** Each service's last "started in X s" (Quarkus' start-up log line). */
    private static Map<String, Double> startTimes(Path home) {
        Map<String, Double> started = new LinkedHashMap<>();
        Pattern line = Pattern.compile("started in ([0-9.]+)s");
        for (String service : List.of("intake", "dispatch", "notification", "reporting")) {
            try (Stream<String> lines = Files.lines(home.resolve("logs/" + service + ".log"))) {
                lines.map(line::matcher).filter(Matcher::find).reduce((a, b) -> b)
                        .ifPresent(m -> started.put(service, Double.parseDouble(m.group(1))));
            } catch (Exception e) {
                // no log: not measured
            }
        }
        return started;
    }

    private static void print(List<Step> steps, double inserts, BareInfrastructure.Kafka kafka, double alone,
            Map<String, Object> out) {
        System.out.printf(Locale.ROOT, "%n| rate/s | sent | accepted | answer p50 / p99 ms | intake → page p50 / p90 / "
                + "p99 / max ms | lost | duplicate pages | CPU s (intake, dispatch, notification, reporting, kafka, "
                + "postgres) |%n|---|---|---|---|---|---|---|---|%n");
        for (Step s : steps) {
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %.1f / %.1f | %.0f / %.0f / %.0f / %.0f | %d | %d | %s |%n",
                    s.rate(), s.sent(), s.accepted(), s.answer().p50(), s.answer().p99(), s.toPage().p50(),
                    s.toPage().p90(), s.toPage().p99(), s.toPage().max(), s.lost(), s.duplicatePages(),
                    String.join(", ", s.cpuSeconds().values().stream().map(v -> String.format(Locale.ROOT, "%.1f", v))
                            .toList()));
        }
        System.out.printf(Locale.ROOT, "%nbare PostgreSQL: %.0f single-row inserts/s at 32 clients; intake alone: %.0f "
                + "reports/s at 32 connections (ratio %.3f)%n", inserts, alone, alone / inserts);
        System.out.printf(Locale.ROOT, "bare Kafka at 200/s: produce p50 %.2f / p99 %.2f ms, end to end p50 %.2f / "
                + "p99 %.2f ms%n", kafka.produce().p50(), kafka.produce().p99(), kafka.endToEnd().p50(),
                kafka.endToEnd().p99());
        System.out.printf(Locale.ROOT, "one child, 1000 reports at 20/s: %s%n", out.get("sameChild"));
        System.out.printf(Locale.ROOT, "resident memory MB: %s%nstarted in s: %s%n", out.get("rssMegabytes"),
                out.get("startedInSeconds"));
        for (Step s : steps) {
            if (s.rate() > 0 && s.toPage().count() > 0) {
                System.out.printf(Locale.ROOT, "  %d/s: intake → page p50 is %.0f× Kafka's end-to-end p50%n",
                        s.rate(), s.toPage().p50() / Math.max(kafka.endToEnd().p50(), 0.01));
            }
        }
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run this through ./zhedel bench");
        }
        return value;
    }
}
