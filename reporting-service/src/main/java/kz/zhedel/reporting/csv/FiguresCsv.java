package kz.zhedel.reporting.csv;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.StreamingOutput;

/**
 * Figures as flat CSV: {@code from,to,figure,value}, one line per figure, the figure named by its JSON path
 * ({@code incidents}, {@code byCategory.BULLYING}, {@code responseTimes.P1.acknowledgement.p90},
 * {@code sla.P2.percentWithin}); a period's open bound and a null value are empty. A series repeats this per bucket.
 */
public final class FiguresCsv {

    public static final List<String> HEADER = List.of("from", "to", "figure", "value");

    private static final byte[] HEADER_LINE = Csv.lines(List.of(HEADER)).getBytes(StandardCharsets.UTF_8);

    private FiguresCsv() {
    }

    /**
     * The CSV of periods: the header, then each period's {@link #lines} as they are, written to the response as it
     * goes (a series by day is some 3 MB: gathered into one array, then copied, it took 6 MB of heap a request, and
     * Netty would encode a string character by character).
     */
    public static StreamingOutput write(List<byte[]> periods) {
        return out -> {
            out.write(HEADER_LINE);
            for (byte[] period : periods) {
                out.write(period);
            }
        };
    }

    /** One period's lines (without the header), a line per figure, in UTF-8. */
    public static byte[] lines(ObjectMapper json, Instant from, Instant to, Object figures) {
        String start = from == null ? "" : from.toString();
        String end = to == null ? "" : to.toString();
        List<List<String>> lines = new ArrayList<>();
        for (String[] figure : flatten(json, figures)) {
            lines.add(List.of(start, end, figure[0], figure[1]));
        }
        return Csv.lines(lines).getBytes(StandardCharsets.UTF_8);
    }

    /** The figures' JSON properties as (path, value) pairs, in the JSON's order. */
    static List<String[]> flatten(ObjectMapper json, Object figures) {
        List<String[]> pairs = new ArrayList<>();
        flatten(json.valueToTree(figures), "", pairs);
        return pairs;
    }

    private static void flatten(JsonNode node, String path, List<String[]> pairs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), pairs);
            }
        } else {
            pairs.add(new String[] { path, node.isNull() ? "" : node.asText() });
        }
    }
}
