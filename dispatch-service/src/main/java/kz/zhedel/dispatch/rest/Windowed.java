package kz.zhedel.dispatch.rest;

import java.time.Instant;

/** A request for a stretch of time, {@code start} inclusive to {@code end} exclusive. */
public interface Windowed {

    Instant start();

    Instant end();
}
