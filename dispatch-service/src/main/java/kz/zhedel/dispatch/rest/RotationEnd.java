package kz.zhedel.dispatch.rest;

import java.time.Instant;

/** When a rotation stops putting anyone on call; absent: now. */
public record RotationEnd(Instant at) {
}
