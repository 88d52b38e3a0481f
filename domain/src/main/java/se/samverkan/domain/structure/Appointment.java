package se.samverkan.domain.structure;

import java.time.LocalDate;
import se.samverkan.domain.Period;

/** An appointment (förordnande): a person in a seat for a period. */
public record Appointment(AppointmentId id, PersonId person, SeatId seat, Period period) {

    public boolean activeOn(LocalDate date) {
        return period.contains(date);
    }
}
