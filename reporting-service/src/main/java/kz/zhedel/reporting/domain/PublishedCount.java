package kz.zhedel.reporting.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A count as the centre publishes it: the number when 0 or 5 and more; {@code "<5"} from 1 to 4; {@code "suppressed"}
 * when it is 5 or more but would, with a published total, let a hidden count be worked out.
 */
public final class PublishedCount {

    public static final String SMALL = "<5";
    public static final String SUPPRESSED = "suppressed";

    private final long value;
    private boolean small;
    private boolean complementary;

    public PublishedCount(long value) {
        this.value = value;
        this.small = value >= 1 && value <= 4;
    }

    public long value() {
        return value;
    }

    public boolean hidden() {
        return small || complementary;
    }

    /** Hides a count that would give a hidden one away. */
    void hideToProtectAnother() {
        complementary = true;
    }

    @JsonValue
    public Object published() {
        return small ? SMALL : complementary ? SUPPRESSED : (Object) value;
    }

    @Override
    public String toString() {
        return String.valueOf(published());
    }
}
