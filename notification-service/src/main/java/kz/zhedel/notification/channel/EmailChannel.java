package kz.zhedel.notification.channel;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.events.Channel;

/**
 * Pages by e-mail through the Quarkus Mailer over SMTP ({@code QUARKUS_MAILER_HOST}, {@code _PORT}, {@code _FROM},
 * ...). The relay accepting the mail counts as delivered: SMTP sends no receipts back. A refused or unreachable
 * relay is retried; an address that cannot be one is a permanent failure.
 */
@ApplicationScoped
public class EmailChannel implements PageChannel {

    private static final Logger LOG = Logger.getLogger(EmailChannel.class);

    private final Mailer mailer;
    private final PageTexts texts;

    EmailChannel(Mailer mailer, PageTexts texts) {
        this.mailer = mailer;
        this.texts = texts;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryResult send(Notice notice) {
        if (!notice.address().matches("[^@\\s]+@[^@\\s]+")) {
            return DeliveryResult.permanentFailure("invalid e-mail address");
        }
        try {
            mailer.send(Mail.withText(notice.address(), texts.subject(notice), texts.text(notice, false))
                    .addHeader("Auto-Submitted", "auto-generated"));
            return DeliveryResult.delivered("smtp", null, "accepted by the SMTP relay");
        } catch (RuntimeException e) {
            // the class only: the relay's message may quote the address
            LOG.debugf("SMTP send failed: %s", e.getClass().getName());
            return DeliveryResult.transientFailure("SMTP failed (" + e.getClass().getSimpleName() + ")");
        }
    }
}
