package se.samverkan.domain.rulebook;

import se.samverkan.domain.DomainException;

/** A share such as one third (en tredjedel). */
public record Fraction(int numerator, int denominator) {

    public Fraction {
        if (numerator < 1 || denominator < 1 || numerator > denominator) {
            throw new DomainException("", numerator + "/" + denominator + " is not a share between 0 and 1");
        }
    }

    /** Whether {@code count} of {@code total} is at least this share ("minst en tredjedel"). */
    public boolean reachedBy(int count, int total) {
        return total > 0 && (long) count * denominator >= (long) numerator * total;
    }

    /** The smallest count of {@code total} that reaches this share. */
    public int threshold(int total) {
        return (int) Math.ceilDiv((long) numerator * total, denominator);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
