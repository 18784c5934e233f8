package kz.zhedel.reporting.csv;

import java.util.List;

/** An uploaded CSV with errors, each at a line (1 = the header) and column (1-based; 0 = the whole line). */
public class InvalidCsv extends RuntimeException {

    public record Error(long line, int column, String columnName, String message) {
        /** Where, as a problem's {@code errors[].field}: e.g. {@code line 3, column 3 (type)}. */
        public String where() {
            return column == 0 ? "line " + line : "line " + line + ", column " + column + " (" + columnName + ")";
        }
    }

    private final List<Error> errors;

    public InvalidCsv(List<Error> errors) {
        super(errors.get(0).where() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<Error> errors() {
        return errors;
    }
}
