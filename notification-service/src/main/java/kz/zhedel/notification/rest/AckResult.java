package kz.zhedel.notification.rest;

import java.util.UUID;

import kz.zhedel.notification.domain.Page.Progress;
import kz.zhedel.notification.domain.PageStatus;

/** The answer to an API client that took a step through the link: the page's status and how far it got. */
public record AckResult(UUID pageId, UUID incidentId, PageStatus status, Progress progress) {
}
