package kz.zhedel.notification.messaging;

import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.zhedel.events.PageRequested;
import kz.zhedel.events.ZhedelEvent;
import kz.zhedel.notification.service.Pages;
import kz.zhedel.platform.inbox.EventInbox;

/** Dispatch's page requests; its other events are not notification's business. */
@ApplicationScoped
public class DispatchEvents {

    @Inject
    EventInbox inbox;

    @Inject
    Pages pages;

    @Incoming("dispatch")
    @Blocking
    public CompletionStage<Void> fromDispatch(Message<String> message) {
        return inbox.handle(message, this::apply);
    }

    void apply(ZhedelEvent event) {
        if (event instanceof PageRequested request) {
            pages.request(request);
        }
    }
}
