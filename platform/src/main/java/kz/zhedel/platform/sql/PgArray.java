package kz.zhedel.platform.sql;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A PostgreSQL array literal ({@code {"a","b"}}) of any values, bound as one text parameter and cast in the SQL
 * ({@code unnest(cast(:ids as uuid[]))}, {@code = any(cast(:ids as uuid[]))}). A statement over a batch then has
 * one text whatever the batch's size, so Hibernate's query plan cache holds one entry for it instead of one per size
 * (profiled: comparing those long keys was most of the consumer's time). Every element is quoted and escaped, so
 * any string is safe; a null element is SQL
 * {@code NULL}.
 */
public final class PgArray {

    private PgArray() {
    }

    public static String literal(Collection<?> values) {
        return values.stream().map(v -> v == null ? "NULL"
                : '"' + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }
}
