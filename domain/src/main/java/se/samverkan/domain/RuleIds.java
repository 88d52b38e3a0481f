package se.samverkan.domain;

import java.util.regex.Pattern;

/** Rule ids as RULES.md writes them: a family and a two-digit number, e.g. {@code LSVO-17}, {@code NB-07}. */
public final class RuleIds {

    private static final Pattern RULE_ID = Pattern.compile("(LSVO|PSVO|AGR|POL|NB|IMP)-\\d{2}");

    private RuleIds() {
    }

    public static String require(String ruleId) {
        if (!RULE_ID.matcher(ruleId).matches()) {
            throw new DomainException("", "'" + ruleId + "' is not a rule id of the catalogue (e.g. LSVO-17)");
        }
        return ruleId;
    }
}
