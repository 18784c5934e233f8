package kz.zhedel.dispatch.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.dispatch.service.Dispatcher;
import kz.zhedel.dispatch.service.PageReports;
import kz.zhedel.events.IncidentLinksChanged;
import kz.zhedel.events.IncidentReported;
import kz.zhedel.events.PageAcknowledged;
import kz.zhedel.events.PageDeclined;
import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.PageFailed;
import kz.zhedel.events.PageProgressed;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.platform.inbox.EventInbox;

/** Reported incidents start a dispatch; page reports from notification-service move its assignments on. */
@ApplicationScoped
public class AssignmentConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    Dispatcher dispatcher;

    @Inject
    PageReports pages;

    @Incoming("incidents")
    @Blocking
    public CompletionStage<Void> fromIntake(KafkaRecordBatch<String, String> batch) {
        return inbox.handleEach(batch, this::apply);
    }

    @Incoming("notifications")
    @Blocking
    public CompletionStage<Void> fromNotification(KafkaRecordBatch<String, String> batch) {
        return inbox.handleEach(batch, this::apply);
    }

    void apply(ZhedelEvent event) {
        if (event instanceof IncidentReported e) {
            dispatcher.dispatch(e);
        } else if (event instanceof IncidentLinksChanged e) {
            dispatcher.linksChanged(e);
        } else if (event instanceof PageAcknowledged e) {
            pages.acknowledged(e);
        } else if (event instanceof PageDeclined e) {
            pages.declined(e);
        } else if (event instanceof PageDelivered e) {
            pages.delivered(e);
        } else if (event instanceof PageFailed e) {
            pages.failed(e);
        } else if (event instanceof PageProgressed e) {
            pages.progressed(e);
        }
    }
}
