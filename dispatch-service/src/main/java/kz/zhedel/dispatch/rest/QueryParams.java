package kz.zhedel.dispatch.rest;

import java.util.function.Function;

import jakarta.ws.rs.BadRequestException;

/**
 * Optional query parameters are parsed here rather than by JAX-RS, which answers a value it cannot convert with a
 * bare 404: a bad filter is the client's mistake and gets a 400 that names the parameter.
 */
final class QueryParams {

    private QueryParams() {
    }

    static <T> T optional(String name, String value, Function<String, T> parse, String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.trim());
        } catch (RuntimeException e) {
            throw new BadRequestException("query parameter " + name + " must be " + expected);
        }
    }
}
