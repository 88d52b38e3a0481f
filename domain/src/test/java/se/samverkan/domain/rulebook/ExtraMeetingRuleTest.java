package se.samverkan.domain.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import se.samverkan.domain.DomainException;

class ExtraMeetingRuleTest {

    @Test
    void NB_04_anyPartyMayAskForAnExtraMeeting() {
        ExtraMeetingRule norrbotten = new ExtraMeetingRule(false, null, true, "NB-04");

        assertThat(norrbotten.anyPartyMayRequest()).isTrue();
        assertThat(norrbotten.memberShare()).isNull();
    }

    @Test
    void PSVO_05_anExtraMeetingRuleMustLetSomeoneAskForOne() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new ExtraMeetingRule(false, null, false, "PSVO-05"))
                .satisfies(e -> assertThat(e.ruleId()).isEqualTo("PSVO-05"));
    }

    @Test
    void theRuleIdMustBeOneOfTheCatalogue() {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new ExtraMeetingRule(true, new Fraction(1, 3), false, "LSVO-7"));
    }
}
