package se.samverkan.api.events;

import se.samverkan.api.graphql.BadInputException;

/** A subscriber asked to resume from a cursor so old that more events were missed than a replay may hold. */
class ReplayTooLongException extends BadInputException {

    ReplayTooLongException(int max) {
        super("more than " + max + " events were missed since that cursor: read the published data again and subscribe "
                + "without 'after', or resume from a newer cursor");
    }
}
