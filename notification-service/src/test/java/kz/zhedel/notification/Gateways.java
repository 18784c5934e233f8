package kz.zhedel.notification;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The outside world of the channels over real protocols: a GreenMail SMTP server for e-mail and one WireMock HTTP
 * server playing SMSC.kz ({@code /smsc}), Mobizon ({@code /mobizon}) and the Telegram Bot API ({@code /telegram}).
 */
public class Gateways implements QuarkusTestResourceLifecycleManager {

    static GreenMail mail;
    static WireMockServer http;

    @Override
    public Map<String, String> start() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        http = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        http.start();
        String base = "http://127.0.0.1:" + http.port();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(mail.getSmtp().getPort()),
                "zhedel.sms.smsc.base-url", base + "/smsc",
                "zhedel.sms.mobizon.base-url", base + "/mobizon",
                "zhedel.telegram.base-url", base + "/telegram");
    }

    @Override
    public void stop() {
        if (http != null) {
            http.stop();
        }
        if (mail != null) {
            mail.stop();
        }
    }
}
