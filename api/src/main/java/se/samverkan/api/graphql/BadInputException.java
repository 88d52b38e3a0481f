package se.samverkan.api.graphql;

/** The caller sent an argument the service cannot use; reported as a BAD_REQUEST error naming the argument. */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }
}
