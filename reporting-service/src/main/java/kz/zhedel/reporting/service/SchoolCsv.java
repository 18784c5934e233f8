package kz.zhedel.reporting.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.zhedel.events.District;
import kz.zhedel.reporting.csv.Csv;
import kz.zhedel.reporting.csv.InvalidCsv;

/** The school registry as ops imports and reads it: {@code id,name,type,district} with a header. */
public final class SchoolCsv {

    public static final List<String> HEADER = List.of("id", "name", "type", "district");
    private static final List<String> TYPES = List.of("STATE", "PRIVATE");
    private static final List<String> DISTRICTS = Arrays.stream(District.values()).map(Enum::name).toList();
    /** Enough to fix a file in one go, without echoing a whole wrong file back. */
    private static final int MAX_ERRORS = 20;

    private SchoolCsv() {
    }

    /** Every school of the text, or every error found (line and column); a registry is never half-read. */
    public static List<Schools.School> read(String text, boolean sample) {
        List<List<String>> lines = Csv.read(text);
        List<InvalidCsv.Error> errors = new ArrayList<>();
        if (lines.isEmpty() || !HEADER.equals(lines.get(0).stream().map(String::strip).toList())) {
            throw new InvalidCsv(List.of(new InvalidCsv.Error(1, 0, null,
                    "the first line must be the header " + String.join(",", HEADER))));
        }
        List<Schools.School> schools = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.size() && errors.size() < MAX_ERRORS; i++) {
            List<String> cells = lines.get(i);
            int line = i + 1;
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue; // a blank line, e.g. at the end
            }
            if (cells.size() != HEADER.size()) {
                errors.add(new InvalidCsv.Error(line, 0, null,
                        "has " + cells.size() + " columns, expected " + HEADER.size()));
                continue;
            }
            String id = cells.get(0).strip();
            String name = cells.get(1).strip();
            String type = cells.get(2).strip().toUpperCase(Locale.ROOT);
            String district = cells.get(3).strip().toUpperCase(Locale.ROOT);
            int before = errors.size();
            if (id.isEmpty() || id.length() > 64) {
                errors.add(error(line, 1, "must be 1 to 64 characters"));
            } else if (seen.containsKey(id)) {
                errors.add(error(line, 1, "duplicates the id on line " + seen.get(id)));
            }
            if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
                errors.add(error(line, 2, "must be 1 to 200 characters on one line"));
            }
            if (!TYPES.contains(type)) {
                errors.add(error(line, 3, "must be one of " + String.join(", ", TYPES)));
            }
            if (!DISTRICTS.contains(district)) {
                errors.add(error(line, 4, "must be one of " + String.join(", ", DISTRICTS)));
            }
            seen.putIfAbsent(id, line);
            if (errors.size() == before) {
                schools.add(new Schools.School(id, name, type, district, sample));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCsv(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
        }
        return schools;
    }

    public static String write(List<Schools.School> schools) {
        return Csv.write(HEADER, schools.stream().map(s -> List.of(s.id(), s.name(), s.type(), s.district())).toList());
    }

    private static InvalidCsv.Error error(int line, int column, String message) {
        return new InvalidCsv.Error(line, column, HEADER.get(column - 1), message);
    }
}
