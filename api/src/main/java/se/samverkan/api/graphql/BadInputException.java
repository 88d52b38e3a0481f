package se.samverkan.api.graphql;

import org.jspecify.annotations.Nullable;

/**
 * The caller sent an argument the service cannot use; reported as a BAD_REQUEST error naming the argument, with
 * {@code extensions.code} {@code BAD_INPUT} and {@code field} when the argument is known, as {@link InputLimits} does.
 */
public class BadInputException extends RuntimeException {

    private final @Nullable String field;

    public BadInputException(String message) {
        this(null, message);
    }

    public BadInputException(@Nullable String field, String message) {
        super(message);
        this.field = field;
    }

    /** A {@code year} argument within the years dates may have (1900 to 2200, as {@link InputLimits} takes dates). */
    public static int year(int year) {
        if (year < 1900 || year > 2200) {
            throw new BadInputException("year", "'year' must be between 1900 and 2200, not " + year);
        }
        return year;
    }

    public @Nullable String field() {
        return field;
    }
}
