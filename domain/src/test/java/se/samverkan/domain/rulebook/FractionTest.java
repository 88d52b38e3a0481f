package se.samverkan.domain.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.samverkan.domain.DomainException;

class FractionTest {

    private static final Fraction ONE_THIRD = new Fraction(1, 3);

    @Test
    void LSVO_07_oneThirdOfMembersIsEnoughForAnExtraMeeting() {
        ExtraMeetingRule lsvo = new ExtraMeetingRule(true, ONE_THIRD, false, "LSVO-07");

        assertThat(lsvo.memberShare()).isNotNull();
        assertThat(lsvo.memberShare().reachedBy(9, 25)).isTrue();
        assertThat(lsvo.memberShare().reachedBy(8, 25)).isFalse();
    }

    @Test
    void LSVO_07_exactlyOneThirdIsEnough() {
        assertThat(ONE_THIRD.reachedBy(2, 6)).isTrue();
        assertThat(ONE_THIRD.reachedBy(1, 6)).isFalse();
        assertThat(ONE_THIRD.reachedBy(1, 3)).isTrue();
        assertThat(ONE_THIRD.reachedBy(0, 3)).isFalse();
    }

    @ParameterizedTest(name = "one third of {0} members needs {1}")
    @CsvSource({"25, 9", "6, 2", "3, 1", "1, 1", "2, 1", "4, 2", "24, 8", "26, 9", "27, 9"})
    void LSVO_07_oneThirdThreshold(int members, int needed) {
        assertThat(ONE_THIRD.threshold(members)).isEqualTo(needed);
    }

    @Test
    void thresholdIsTheSmallestCountThatReachesTheShare() {
        for (Fraction share : new Fraction[] {ONE_THIRD, new Fraction(1, 2), new Fraction(2, 3), new Fraction(1, 1)}) {
            for (int total = 1; total <= 60; total++) {
                int threshold = share.threshold(total);
                assertThat(share.reachedBy(threshold, total)).as("%s of %d reached by %d", share, total, threshold)
                        .isTrue();
                assertThat(share.reachedBy(threshold - 1, total)).as("%s of %d reached by %d", share, total,
                        threshold - 1).isFalse();
            }
        }
    }

    @Test
    void nothingIsReachedWhenThereAreNoMembers() {
        assertThat(ONE_THIRD.reachedBy(0, 0)).isFalse();
        assertThat(ONE_THIRD.reachedBy(1, 0)).isFalse();
    }

    @Test
    void largeCountsDoNotOverflow() {
        Fraction twoThirds = new Fraction(2, 3);

        assertThat(twoThirds.reachedBy(Integer.MAX_VALUE, Integer.MAX_VALUE)).isTrue();
        assertThat(twoThirds.threshold(Integer.MAX_VALUE)).isEqualTo(1_431_655_765);
    }

    @ParameterizedTest(name = "{0}/{1} is rejected")
    @CsvSource({"0, 3", "4, 3", "1, 0", "-1, 3", "1, -3"})
    void rejectsWhatIsNotAShareBetweenZeroAndOne(int numerator, int denominator) {
        assertThatExceptionOfType(DomainException.class)
                .isThrownBy(() -> new Fraction(numerator, denominator))
                .withMessageContaining(numerator + "/" + denominator);
    }

    @Test
    void writesItselfAsNumeratorSlashDenominator() {
        assertThat(ONE_THIRD).hasToString("1/3");
    }
}
