package se.samverkan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"LSVO-17", "PSVO-04", "AGR-02", "POL-03", "NB-07", "IMP-01", "LSVO-29"})
    void requireReturnsAnIdOfTheCatalogueUnchanged(String ruleId) {
        assertThat(RuleIds.require(ruleId)).isEqualTo(ruleId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "LSVO-7", "LSVO-117", "lsvo-17", "LSVO17", "LSVO 17", "XYZ-01", "LSVO-", "-17",
            " LSVO-17", "LSVO-17 ", "LSVO-17,LSVO-18"})
    void requireRejectsWhatIsNotARuleIdOfTheCatalogue(String notARuleId) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> RuleIds.require(notARuleId))
                .withMessageContaining("'" + notARuleId + "'")
                .satisfies(e -> assertThat(e.ruleId()).isEmpty());
    }
}
