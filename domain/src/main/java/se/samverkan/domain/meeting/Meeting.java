package se.samverkan.domain.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.structure.BodyId;

/**
 * A meeting (sammanträde) of a body.
 *
 * @param preparationFor for a preparation-group meeting, the meeting it prepares (LSVO-24)
 */
public record Meeting(UUID id, BodyId body, MeetingKind kind, Instant startsAt, String location, MeetingState state,
        @Nullable UUID preparationFor, int version) {

    /** Dates are Swedish dates (IMP-01). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    public Meeting {
        if (location.isBlank() || location.length() > 300) {
            throw new DomainException("", "a meeting's location must be 1 to 300 characters");
        }
    }

    /** The meeting's date in Europe/Stockholm: what every lead time counts back from. */
    public LocalDate date() {
        return startsAt.atZone(ZONE).toLocalDate();
    }

    public Meeting after(MeetingState.Action action) {
        return new Meeting(id, body, kind, startsAt, location, state.after(action), preparationFor, version);
    }
}
