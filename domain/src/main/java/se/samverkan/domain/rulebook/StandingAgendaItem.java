package se.samverkan.domain.rulebook;

import se.samverkan.domain.RuleIds;

/** Something every agenda of the body must carry (PSVO-08: LSVO's minutes and forwarded matters). */
public record StandingAgendaItem(Kind kind, String fromBody, String rule) {

    public StandingAgendaItem {
        RuleIds.require(rule);
    }

    public enum Kind {
        /** the minutes the other body has drawn up since this body's previous meeting */
        MINUTES_OF_BODY,
        /** the matters the other body has forwarded (befordrade ärenden) */
        MATTERS_FORWARDED_BY
    }
}
