package kz.zhedel.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * An open-model load: reports are sent at fixed moments ({@code start + i / rate}) whatever the answers, so a slow
 * system is not given a rest by a waiting client (no coordinated omission). The answer time runs from the moment a
 * report was due, not from when it left.
 */
final class OpenLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** A report intake accepted: its incident id, when it was due and when it was answered (nanoTime). */
    record Accepted(String incidentId, long dueAt, long answeredAt) {
    }

    record Result(long sent, List<Accepted> accepted, Map<String, Long> refused, Histogram answerMicros) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI incidents;
    private final String partnerKey;

    OpenLoad(String intakeUrl, String partnerKey) {
        this.incidents = URI.create(intakeUrl + "/api/v1/incidents");
        this.partnerKey = partnerKey;
    }

    Result run(int rate, int seconds, long firstNumber, LongFunction<String> body) {
        long total = (long) rate * seconds;
        long interval = 1_000_000_000L / rate;
        List<Accepted> accepted = new CopyOnWriteArrayList<>();
        Map<String, Long> refused = new ConcurrentHashMap<>();
        Histogram answers = new Histogram(60_000_000L, 3);
        CompletableFuture<?>[] inFlight = new CompletableFuture<?>[(int) total];
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = HttpRequest.newBuilder(incidents).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + partnerKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(firstNumber + i))).build();
            inFlight[i] = http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
                long answered = System.nanoTime();
                synchronized (answers) {
                    answers.recordValue(Math.min((answered - due) / 1000, answers.getHighestTrackableValue()));
                }
                if (error != null) {
                    refused.merge(error.getClass().getSimpleName(), 1L, Long::sum);
                } else if (response.statusCode() == 202) {
                    Matcher id = ID.matcher(response.body());
                    if (id.find()) {
                        accepted.add(new Accepted(id.group(1), due, answered));
                    }
                } else {
                    refused.merge("HTTP " + response.statusCode(), 1L, Long::sum);
                }
                return null;
            });
        }
        CompletableFuture.allOf(inFlight).join();
        return new Result(total, accepted, new TreeMap<>(refused), answers);
    }

    /** A closed loop: {@code clients} clients each sending the next report when the last was answered. */
    double closedLoopRate(int clients, int seconds, long firstNumber, LongFunction<String> body) {
        java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong(firstNumber);
        java.util.concurrent.atomic.AtomicLong ok = new java.util.concurrent.atomic.AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            threads[c] = new Thread(() -> {
                HttpClient own = HttpClient.newHttpClient(); // one connection per client
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(incidents).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + partnerKey)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.apply(next.getAndIncrement()))).build();
                    try {
                        if (own.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 202) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        // counted as not accepted
                    }
                }
            });
            threads[c].start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ok.get() / (double) seconds;
    }
}
