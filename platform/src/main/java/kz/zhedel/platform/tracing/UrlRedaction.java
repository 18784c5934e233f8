package kz.zhedel.platform.tracing;

import java.util.regex.Pattern;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps credentials and whatever a caller typed out of the HTTP spans: an acknowledgement link's path carries its
 * signed token, and a query string's values are the caller's (only its parameter names are kept). Bodies are never
 * recorded. Registered with the SDK as a CDI bean; it rewrites the attributes as the span starts.
 */
@ApplicationScoped
public class UrlRedaction implements SpanProcessor {

    static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> QUERY = AttributeKey.stringKey("url.query");
    private static final Pattern ACK_TOKEN = Pattern.compile("(/ack/)[^/?]+");
    private static final Pattern QUERY_VALUE = Pattern.compile("=[^&]*");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String path = span.getAttribute(PATH);
        if (path != null) {
            span.setAttribute(PATH, redactPath(path));
        }
        String query = span.getAttribute(QUERY);
        if (query != null) {
            span.setAttribute(QUERY, redactQuery(query));
        }
    }

    static String redactPath(String path) {
        return ACK_TOKEN.matcher(path).replaceAll("$1{token}");
    }

    static String redactQuery(String query) {
        return QUERY_VALUE.matcher(query).replaceAll("=_");
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
