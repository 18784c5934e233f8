package kz.zhedel.bench.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import kz.zhedel.events.Actor;
import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.CancelReason;
import kz.zhedel.events.Category;
import kz.zhedel.events.Channel;
import kz.zhedel.events.Contact;
import kz.zhedel.events.District;
import kz.zhedel.events.IncidentCancelled;
import kz.zhedel.events.IncidentDispatched;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.IncidentResolved;
import kz.zhedel.events.IncidentUnassigned;
import kz.zhedel.events.Language;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ResponderRole;
import kz.zhedel.events.Severity;
import kz.zhedel.events.ZhedelEvent;

/**
 * Synthetic incidents with the events the services would publish for them, each at its time, over the 365 days
 * before {@code now} (every time in the past). Mixes: districts, categories, severities (P1 10%, P2 25%, P3 45%,
 * P4 20%), partner kinds (schools of the registry 55%, a few schools outside it, police, helpline, the centre, an
 * unregistered key), children with several reports (a pool of ¾ as many children as incidents), 2% cancelled before
 * dispatch, 3% unassigned, 2% pages failing on every contact (escalated at once and reassigned), 12% acknowledged
 * after the deadline (escalated: an SLA breach), 3% cancelled as duplicates after the acknowledgement, 1% never
 * acknowledged, the rest on scene and resolved. Identifiers and classifications only, as in every event.
 */
final class SyntheticIncidents {

    /** One event and when its service wrote it. */
    record Timed(ZhedelEvent event, Instant at) {
    }

    private static final Severity[] SEVERITIES = { Severity.P1, Severity.P2, Severity.P2, Severity.P3, Severity.P3,
            Severity.P3, Severity.P4, Severity.P4 };
    /** The acknowledgement deadlines of the team rules' shape, per severity (minutes). */
    private static final int[] DEADLINE_MINUTES = { 5, 15, 60, 240 };
    private static final Duration YEAR = Duration.ofDays(365);

    private final SplittableRandom random;
    private final Instant now;
    private final List<String> schools;
    private final long children;

    SyntheticIncidents(long seed, Instant now, List<String> schools, long incidents) {
        this.random = new SplittableRandom(seed);
        this.now = now;
        this.schools = schools;
        this.children = Math.max(1, incidents * 3 / 4);
    }

    List<Timed> next() {
        List<Timed> events = new ArrayList<>(10);
        UUID incident = uuid();
        // received at least 6 h ago, so that everything that follows (at most a few hours) is in the past
        Instant received = now.minus(Duration.ofHours(6)).minusSeconds(random.nextLong(YEAR.toSeconds()));
        Severity severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
        Category category = pick(Category.values());
        District district = pick(District.values());
        String[] partner = partner();
        Language language = random.nextInt(10) < 6 ? Language.KK : Language.RU;
        String childKey = random.nextInt(100) < 5 ? null : String.format("%016x", mix(random.nextLong(children)));
        events.add(new Timed(new IncidentReported(incident, partner[0], category, severity, district, partner[2],
                language, received.minusSeconds(60 + random.nextInt(3600)), received, 0, partner[1], childKey),
                received));
        int outcome = random.nextInt(100);
        if (outcome < 2) {
            Instant at = received.plusSeconds(60 + random.nextInt(1800));
            events.add(new Timed(new IncidentCancelled(incident, CancelReason.FALSE_REPORT, coordinator(), at), at));
            return events;
        }
        if (outcome < 5) {
            Instant at = received.plusMillis(200 + random.nextInt(2000));
            events.add(new Timed(new IncidentUnassigned(incident, ResponderRole.PSYCHOLOGIST, "NOBODY_ON_CALL", at), at));
            return events;
        }
        Duration deadline = Duration.ofMinutes(DEADLINE_MINUTES[severity.ordinal()]);
        Instant assigned = received.plusMillis(300 + random.nextInt(30_000));
        UUID assignment = uuid();
        Instant paged = page(events, incident, assignment, severity, category, district, language, assigned,
                deadline, outcome < 7);
        if (outcome < 7) { // every contact failed: escalated at once, the next psychologist assigned
            events.add(new Timed(new AssignmentEscalated(incident, assignment, uuid(), ResponderRole.PSYCHOLOGIST, 0,
                    AssignmentEscalated.Step.REASSIGNED, paged, AssignmentEscalated.Cause.PAGE_FAILED), paged));
            assigned = paged.plusMillis(100 + random.nextInt(1000));
            assignment = uuid();
            paged = page(events, incident, assignment, severity, category, district, language, assigned, deadline,
                    false);
        }
        Instant dueBy = assigned.plus(deadline);
        if (outcome < 8) { // nobody acknowledged: escalated, still waiting
            events.add(new Timed(new AssignmentEscalated(incident, assignment, uuid(), ResponderRole.PSYCHOLOGIST, 1,
                    AssignmentEscalated.Step.REPAGED, dueBy, AssignmentEscalated.Cause.DEADLINE_MISSED), dueBy));
            return events;
        }
        Instant acknowledged;
        if (outcome < 20) { // late: escalated at the deadline, acknowledged after the re-page
            events.add(new Timed(new AssignmentEscalated(incident, assignment, uuid(), ResponderRole.PSYCHOLOGIST, 1,
                    AssignmentEscalated.Step.REPAGED, dueBy, AssignmentEscalated.Cause.DEADLINE_MISSED), dueBy));
            acknowledged = dueBy.plusSeconds(10 + random.nextInt((int) deadline.toSeconds()));
        } else {
            long window = Duration.between(paged, dueBy).toMillis();
            // most within a fraction of the deadline: the square skews towards quick answers
            double u = random.nextDouble();
            acknowledged = paged.plusMillis(Math.max(1000, (long) (window * u * u)));
        }
        UUID responder = uuid();
        events.add(new Timed(new AssignmentAcknowledged(incident, assignment, responder, acknowledged,
                new Actor(responder.toString(), "responder")), acknowledged));
        if (outcome < 23) {
            Instant at = acknowledged.plusSeconds(60 + random.nextInt(600));
            events.add(new Timed(new IncidentCancelled(incident, CancelReason.DUPLICATE, coordinator(), at), at));
            return events;
        }
        Instant onScene = acknowledged.plusSeconds(600 + random.nextInt(3000));
        events.add(new Timed(new AssignmentProgressed(incident, assignment, responder, ResponderRole.PSYCHOLOGIST,
                AssignmentProgressed.Stage.ON_SCENE, onScene, new Actor(responder.toString(), "responder")), onScene));
        Instant resolved = onScene.plusSeconds(900 + random.nextInt(5400));
        events.add(new Timed(new AssignmentProgressed(incident, assignment, responder, ResponderRole.PSYCHOLOGIST,
                AssignmentProgressed.Stage.RESOLVED, resolved, new Actor(responder.toString(), "responder")), resolved));
        events.add(new Timed(new IncidentResolved(incident, resolved), resolved));
        return events;
    }

    /** Dispatched, the page asked for, then delivered or failed on every contact; returns when the page ended. */
    private Instant page(List<Timed> events, UUID incident, UUID assignment, Severity severity, Category category,
            District district, Language language, Instant assigned, Duration deadline, boolean fails) {
        UUID responder = uuid();
        UUID pageId = uuid();
        events.add(new Timed(new IncidentDispatched(incident, assignment, responder, ResponderRole.PSYCHOLOGIST,
                "on call in " + district.name(), assigned, null), assigned));
        List<Contact> contacts = random.nextBoolean()
                ? List.of(new Contact(Channel.SMS, "+77000000000"), new Contact(Channel.TELEGRAM, "100000"))
                : List.of(new Contact(Channel.WEBHOOK, "http://127.0.0.1:9999/pager"));
        events.add(new Timed(new PageRequested(incident, pageId, assignment, responder, category, severity, district,
                language, language, contacts, assigned, assigned.plus(deadline), null), assigned));
        Instant ended = assigned.plusMillis(500 + random.nextInt(20_000));
        events.add(new Timed(fails ? new PageFailed(incident, pageId, assignment, "every contact failed", ended)
                : new PageDelivered(incident, pageId, assignment, contacts.get(0).channel(), ended), ended));
        return ended;
    }

    /** {partner id, partner kind, school id}: schools of the registry mostly, a few outside it. */
    private String[] partner() {
        int p = random.nextInt(100);
        if (p < 55 && !schools.isEmpty()) {
            String school = random.nextInt(100) < 3 ? "unregistered-school-" + random.nextInt(20)
                    : schools.get(random.nextInt(schools.size()));
            return new String[] { "bench-" + school, "SCHOOL", school };
        }
        if (p < 75) {
            return new String[] { "bench-police", "POLICE", null };
        }
        if (p < 90) {
            return new String[] { "bench-helpline", "HELPLINE", null };
        }
        if (p < 98) {
            return new String[] { "bench-psc", "PSYCHOLOGICAL_CENTRE", null };
        }
        return new String[] { "bench-configured-key", null, null };
    }

    private Actor coordinator() {
        return new Actor("bench-coordinator", "coordinator");
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private UUID uuid() {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL)
                | 0x8000000000000000L);
    }

    /** A child's pseudonym: 64 bits that look random (SplitMix64's finaliser), the same for the same child. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
