package kz.zhedel.notification.rest;

import java.util.UUID;

import kz.zhedel.notification.domain.PageStatus;

/** The answer to an API client that acknowledged a page. */
public record AckResult(UUID pageId, UUID incidentId, PageStatus status) {
}
