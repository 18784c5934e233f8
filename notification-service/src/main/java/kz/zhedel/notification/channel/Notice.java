package kz.zhedel.notification.channel;

import java.util.List;

import kz.zhedel.events.Language;

/**
 * One message to one contact address: a single page, or several pages bundled because the responder's rate limit
 * held them back. {@code language} is the responder's: the texts are written in it.
 */
public record Notice(List<PageMessage> pages, String address, Language language) {

    public Notice {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a notice carries at least one page");
        }
        pages = List.copyOf(pages);
    }

    public boolean bundled() {
        return pages.size() > 1;
    }

    public PageMessage first() {
        return pages.get(0);
    }
}
