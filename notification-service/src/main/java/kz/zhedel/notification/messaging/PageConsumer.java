package kz.zhedel.notification.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.events.AssignmentAcknowledged;
import kz.zhedel.events.AssignmentEscalated;
import kz.zhedel.events.AssignmentProgressed;
import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.notification.service.Acknowledgements;
import kz.zhedel.notification.service.Pages;
import kz.zhedel.notification.service.Teams;
import kz.zhedel.platform.inbox.EventInbox;

/**
 * Dispatch's page requests, what ends a page early (the assignment acknowledged another way, handed on after a
 * missed deadline, declined or called off), the responder's later steps, and what the team looks like.
 */
@ApplicationScoped
public class PageConsumer {

    @Inject
    EventInbox inbox;

    @Inject
    Pages pages;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    Teams teams;

    @Incoming("dispatch")
    @Blocking
    public CompletionStage<Void> fromDispatch(KafkaRecordBatch<String, String> batch) {
        return inbox.handleEach(batch, this::apply);
    }

    void apply(ZhedelEvent event) {
        teams.apply(event);
        if (event instanceof PageRequested request) {
            pages.request(request);
        } else if (event instanceof AssignmentAcknowledged acknowledged) {
            acknowledgements.acknowledgedElsewhere(acknowledged); // the remaining steps stop
        } else if (event instanceof AssignmentProgressed progressed) {
            acknowledgements.assignmentProgressed(progressed); // the page keeps in step; an end stops its link
        } else if (event instanceof AssignmentEscalated escalated
                && escalated.step() == AssignmentEscalated.Step.REASSIGNED) {
            acknowledgements.assignmentEnded(escalated.assignmentId());
        }
    }
}
