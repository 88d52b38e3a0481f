package se.samverkan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainExceptionTest {

    @Test
    void messageNamesTheRuleSoTheClauseCanBeShown() {
        DomainException e = new DomainException("LSVO-22", "an official chair has no decision mandate");

        assertThat(e.ruleId()).isEqualTo("LSVO-22");
        assertThat(e.getMessage()).isEqualTo("LSVO-22: an official chair has no decision mandate");
    }

    @Test
    void plainBadInputHasNoRuleAndNoPrefix() {
        DomainException e = new DomainException("", "bad input");

        assertThat(e.ruleId()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("bad input");
    }
}
