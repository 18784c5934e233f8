package kz.zhedel.reporting.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import kz.zhedel.reporting.csv.Csv;

/** JSON unless the client asks for CSV before JSON ({@code Accept: text/csv}); no Accept header means JSON. */
final class Negotiation {

    static final MediaType CSV = MediaType.valueOf(Csv.MEDIA_TYPE);

    private Negotiation() {
    }

    static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) { // most preferred first
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (!type.isWildcardSubtype() && type.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }
}
