package kz.zhedel.reporting.csv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Figures as flat CSV: {@code from,to,figure,value}, one line per figure, the figure named by its JSON path
 * ({@code incidents}, {@code byCategory.BULLYING}, {@code responseTimes.P1.acknowledgement.p90},
 * {@code sla.P2.percentWithin}); a period's open bound and a null value are empty. A series repeats this per bucket.
 */
public final class FiguresCsv {

    public static final List<String> HEADER = List.of("from", "to", "figure", "value");

    /** The figures of one period. */
    public record Rows(Instant from, Instant to, Object figures) {
    }

    private FiguresCsv() {
    }

    public static String write(ObjectMapper json, List<Rows> periods) {
        List<List<String>> lines = new ArrayList<>();
        for (Rows period : periods) {
            String from = period.from() == null ? "" : period.from().toString();
            String to = period.to() == null ? "" : period.to().toString();
            flatten(json.valueToTree(period.figures()), "", (figure, value) -> lines.add(List.of(from, to, figure,
                    value)));
        }
        return Csv.write(HEADER, lines);
    }

    private interface Sink {
        void accept(String figure, String value);
    }

    private static void flatten(JsonNode node, String path, Sink sink) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), sink);
            }
        } else {
            sink.accept(path, node.isNull() ? "" : node.asText());
        }
    }
}
