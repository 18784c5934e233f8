package kz.zhedel.reporting.csv;

import java.util.List;

import kz.zhedel.platform.rest.InvalidFields;
import kz.zhedel.platform.rest.Problem;

/**
 * An uploaded CSV with errors, each at a line (1 = the header) and column (1-based; 0 = the whole line): a 400
 * problem whose {@code errors[].field} says where.
 */
public class InvalidCsv extends InvalidFields {

    public record Error(long line, int column, String columnName, String message) {
        /** Where, as a problem's {@code errors[].field}: e.g. {@code line 3, column 3 (type)}. */
        public String where() {
            return column == 0 ? "line " + line : "line " + line + ", column " + column + " (" + columnName + ")";
        }
    }

    public InvalidCsv(List<Error> errors) {
        super("invalid CSV: " + errors.get(0).where() + ": " + errors.get(0).message(),
                errors.stream().map(e -> new Problem.FieldError(e.where(), e.message())).toList());
    }
}
