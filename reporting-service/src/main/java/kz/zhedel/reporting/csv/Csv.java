package kz.zhedel.reporting.csv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** RFC 4180 CSV in and out (Jackson's CSV format): a header line, then one line per row. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    /** Quotes only where RFC 4180 needs it (a comma, a quote, a line break). */
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private Csv() {
    }

    /** The rows under the header; a null cell is written empty. */
    public static String write(List<String> header, List<? extends List<?>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header.forEach(schema::addColumn);
        return write(schema, rows);
    }

    /** The rows alone, to follow a header written before. */
    public static String lines(List<? extends List<?>> rows) {
        return write(CsvSchema.builder(), rows);
    }

    private static String write(CsvSchema.Builder schema, List<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        // the streaming generator, cell by cell: a series by day is tens of thousands of lines, and databind looked
        // up a serializer for every cell of every row
        try (CsvGenerator csv = MAPPER.getFactory().createGenerator(out)) {
            csv.setSchema(schema.build());
            for (List<?> row : rows) {
                csv.writeStartArray();
                for (Object cell : row) {
                    csv.writeString(cell == null ? "" : cell.toString());
                }
                csv.writeEndArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Every line as its cells, the header included; an unreadable text (an unclosed quote) is an {@link InvalidCsv}. */
    public static List<List<String>> read(String text) {
        List<List<String>> lines = new ArrayList<>();
        try (MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text == null ? "" : text)) {
            while (it.hasNextValue()) {
                lines.add(it.nextValue());
            }
        } catch (IOException e) {
            long line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? j.getLocation().getLineNr() : lines.size() + 1;
            throw new InvalidCsv(List.of(new InvalidCsv.Error(line, 0, null, "not readable as CSV")));
        } catch (RuntimeException e) {
            throw new InvalidCsv(List.of(new InvalidCsv.Error(lines.size() + 1, 0, null, "not readable as CSV")));
        }
        return lines;
    }
}
