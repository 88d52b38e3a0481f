package se.samverkan.api.national;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import se.samverkan.domain.rulebook.Actor;
import se.samverkan.domain.rulebook.AgendaRule;
import se.samverkan.domain.rulebook.ChairRule;
import se.samverkan.domain.rulebook.ChairSelection;
import se.samverkan.domain.rulebook.DayUnit;
import se.samverkan.domain.rulebook.DecisionCategory;
import se.samverkan.domain.rulebook.DeclarationChannel;
import se.samverkan.domain.rulebook.DeclarationRule;
import se.samverkan.domain.rulebook.DistributionRule;
import se.samverkan.domain.rulebook.ExtraMeetingRule;
import se.samverkan.domain.rulebook.Fraction;
import se.samverkan.domain.rulebook.Lead;
import se.samverkan.domain.rulebook.MatterType;
import se.samverkan.domain.rulebook.MeetingControlRule;
import se.samverkan.domain.rulebook.MeetingMinimum;
import se.samverkan.domain.rulebook.MinutesRule;
import se.samverkan.domain.rulebook.NoticeRule;
import se.samverkan.domain.rulebook.PreparationRule;
import se.samverkan.domain.rulebook.PublicationRule;
import se.samverkan.domain.rulebook.QuorumKind;
import se.samverkan.domain.rulebook.QuorumRule;
import se.samverkan.domain.rulebook.Recipient;
import se.samverkan.domain.rulebook.RecommendationRule;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.rulebook.SecretaryRule;
import se.samverkan.domain.rulebook.SignatoryKind;
import se.samverkan.domain.rulebook.SignatoryRequirement;
import se.samverkan.domain.rulebook.StandingAgendaItem;
import se.samverkan.domain.rulebook.SubmissionDeadline;
import se.samverkan.domain.rulebook.SubmissionRule;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.PartyKind;
import se.samverkan.domain.structure.PartySide;
import se.samverkan.domain.structure.RulebookId;

/**
 * The generated bodies' rulebooks (arbetsordningar), as real domain {@link Rulebook} records: the service reads them back
 * exactly as it reads the structure files'. They follow the demo's: officials' groups take LSVO's arbetsordning as their
 * model (rule ids LSVO-xx), political councils PSVO's (PSVO-xx), collaboration groups a lighter LSVO; the numbers vary
 * from body to body and from version to version.
 */
final class Rulebooks {

    /** The model a body's rulebook follows. */
    enum Style {
        /** an officials' leadership or chiefs' group, like LSVO */
        OFFICIALS,
        /** a political council, like PSVO */
        POLITICAL,
        /** a collaboration group (samverkansgrupp) */
        GROUP,
        /** a preparation group (beredningsgrupp): it meets only to prepare another body's meetings */
        PREPARATION
    }

    /**
     * What one body's rulebook names besides its numbers.
     *
     * @param secretaryParty  the party that provides the secretary (LSVO-26, PSVO-12), if the body has one
     * @param standingFrom    the body whose minutes and forwarded matters are standing agenda items (PSVO-08)
     * @param preparationBody the short name of the preparation group (LSVO-24)
     * @param recommends      whether the body issues recommendations to the parties (LSVO-27, PSVO-09)
     * @param publishedOn     where minutes are published (LSVO-15)
     */
    record Terms(Style style, String shortName, @Nullable String secretaryParty, List<Recipient> recipients,
            @Nullable String standingFrom, @Nullable String preparationBody, boolean recommends, String publishedOn) {
    }

    /** The day the data set's ten years end; revisions are planned up to it. */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 12, 31);

    private Rulebooks() {
    }

    /**
     * The versions of one body's rulebook, oldest first: the first in force from the body's start; a new version when
     * the last one fell due for revision (LSVO-29), though some bodies let it pass — those are past revision today.
     */
    static List<Rulebook> versions(BodyId body, String bodyKey, Terms terms, LocalDate from, SplittableRandom random) {
        List<Rulebook> versions = new ArrayList<>();
        int major = 1;
        int minor = 0;
        LocalDate inForce = from;
        Numbers numbers = Numbers.draw(terms.style(), random);
        while (true) {
            @Nullable LocalDate due = random.nextInt(100) < 12 ? null : inForce.plusYears(2 + random.nextInt(3));
            @Nullable LocalDate decided = random.nextInt(100) < 25 ? null : inForce.minusDays(random.nextInt(30));
            String version = major + "." + minor;
            versions.add(rulebook(new RulebookId(Seeds.id("Rulebook", bodyKey + "/" + version)), body, version, inForce,
                    decided, due, terms, numbers, random));
            if (due == null || !due.isBefore(LAST_DAY.minusMonths(6)) || random.nextInt(100) < 22) {
                return versions; // no revision date, due later, or let pass (past revision)
            }
            LocalDate next = due.minusDays(random.nextInt(90));
            inForce = next.isAfter(inForce.plusMonths(6)) ? next : inForce.plusMonths(6);
            if (random.nextBoolean()) {
                major++;
                minor = 0;
            } else {
                minor++;
            }
            numbers = numbers.revised(terms.style(), random);
        }
    }

    /** The numbers a version sets: how often the body meets and how far ahead things must come. */
    record Numbers(int perYear, Lead notice, int decisionLead, int informationLead, boolean published, boolean quorum) {

        static Numbers draw(Style style, SplittableRandom random) {
            return switch (style) {
                case OFFICIALS -> new Numbers(6 + random.nextInt(5), new Lead(8 + random.nextInt(5), DayUnit.WEEKDAYS),
                        15 + random.nextInt(11), 8 + random.nextInt(5), random.nextInt(100) < 85, true);
                case POLITICAL -> new Numbers(4 + random.nextInt(3), new Lead(7 + random.nextInt(8), DayUnit.CALENDAR_DAYS),
                        0, 0, random.nextInt(100) < 60, random.nextBoolean());
                case GROUP -> new Numbers(4 + random.nextInt(5), new Lead(5 + random.nextInt(6), DayUnit.WEEKDAYS),
                        10 + random.nextInt(6), 5 + random.nextInt(4), random.nextInt(100) < 50, true);
                case PREPARATION -> new Numbers(0, new Lead(0, DayUnit.WEEKDAYS), 0, 0, false, false);
            };
        }

        /** A revision changes a number or two. */
        Numbers revised(Style style, SplittableRandom random) {
            if (style == Style.PREPARATION) {
                return this;
            }
            int meetings = Math.max(4, Math.min(12, perYear + random.nextInt(3) - 1));
            Lead lead = random.nextBoolean() ? notice
                    : new Lead(Math.max(3, notice.amount() + random.nextInt(5) - 2), notice.unit());
            return new Numbers(meetings, lead, decisionLead, informationLead, published || random.nextInt(100) < 30, quorum);
        }
    }

    private static Rulebook rulebook(RulebookId id, BodyId body, String version, LocalDate inForce,
            @Nullable LocalDate decided, @Nullable LocalDate due, Terms t, Numbers n, SplittableRandom random) {
        boolean political = t.style() == Style.POLITICAL;
        String family = political ? "PSVO" : "LSVO";
        if (t.style() == Style.PREPARATION) {
            return new Rulebook(id, body, version, inForce, decided, t.shortName(), due, null, null, null, null, null,
                    null, null, null, null, null, List.of(),
                    new DeclarationRule(Set.of(DeclarationChannel.IN_MEETING), false, "LSVO-20"),
                    new ChairRule(ChairSelection.ELECTED_BY_BODY, null, true, false, null, "LSVO-02"),
                    t.secretaryParty() == null ? null : new SecretaryRule(t.secretaryParty(), false, "LSVO-26"),
                    new MeetingControlRule(Set.of(Actor.CHAIR), Set.of(Actor.CHAIR), "LSVO-21"), null);
        }
        Actor sender = t.style() == Style.OFFICIALS ? Actor.SECRETARY : Actor.CHAIR;
        List<StandingAgendaItem> standing = t.standingFrom() == null ? List.of() : List.of(
                new StandingAgendaItem(StandingAgendaItem.Kind.MINUTES_OF_BODY, t.standingFrom(), "PSVO-08"),
                new StandingAgendaItem(StandingAgendaItem.Kind.MATTERS_FORWARDED_BY, t.standingFrom(), "PSVO-08"));
        SubmissionRule submissions = political ? null : new SubmissionRule(Set.of(Actor.MEMBER), List.of(
                new SubmissionDeadline(MatterType.DECISION, new Lead(n.decisionLead(), DayUnit.WEEKDAYS), "LSVO-11"),
                new SubmissionDeadline(MatterType.INFORMATION, new Lead(n.informationLead(), DayUnit.WEEKDAYS), "LSVO-11"),
                new SubmissionDeadline(MatterType.DISCUSSION, new Lead(n.informationLead(), DayUnit.WEEKDAYS), "LSVO-11")),
                t.secretaryParty() == null ? Set.of(Actor.CHAIR) : Set.of(Actor.CHAIR, Actor.SECRETARY),
                Set.of(Actor.CHAIR, Actor.BODY), "LSVO-10", "LSVO-11", "LSVO-12");
        List<SignatoryRequirement> signatories = t.style() == Style.OFFICIALS ? List.of(
                new SignatoryRequirement(SignatoryKind.MEETING_CHAIR, null, 1, SignatoryRequirement.Act.SIGNS),
                new SignatoryRequirement(SignatoryKind.SECRETARY, null, 1, SignatoryRequirement.Act.SIGNS),
                new SignatoryRequirement(SignatoryKind.APPOINTED_MEMBER, PartySide.MUNICIPAL, 1, SignatoryRequirement.Act.SIGNS),
                new SignatoryRequirement(SignatoryKind.APPOINTED_MEMBER, PartySide.REGIONAL, 1, SignatoryRequirement.Act.SIGNS))
                : List.of(new SignatoryRequirement(SignatoryKind.MEETING_CHAIR, null, 1, SignatoryRequirement.Act.SIGNS),
                        new SignatoryRequirement(SignatoryKind.APPOINTED_MEMBER, null, 1, SignatoryRequirement.Act.ADJUSTS));
        List<QuorumRule> quorum = !n.quorum() ? List.of() : t.style() == Style.OFFICIALS ? List.of(
                new QuorumRule(DecisionCategory.FORUM_WIDE, QuorumKind.MAJORITY_PRESENT_ON_EACH_SIDE, "LSVO-17"),
                new QuorumRule(DecisionCategory.SUBJECT_AREA, QuorumKind.SUBJECT_AREA_MEMBERS_DECLARED, "LSVO-18"),
                new QuorumRule(DecisionCategory.FINANCIAL, QuorumKind.ALL_MEMBERS_DECLARED, "LSVO-19"))
                : List.of(new QuorumRule(DecisionCategory.FORUM_WIDE, QuorumKind.MAJORITY_PRESENT_ON_EACH_SIDE, "LSVO-17"));
        DeclarationRule declarations = switch (t.style()) {
            case OFFICIALS -> new DeclarationRule(Set.of(DeclarationChannel.IN_MEETING, DeclarationChannel.VIA_MEMBER,
                    DeclarationChannel.EMAIL_TO_SECRETARY), true, "LSVO-20");
            case GROUP -> new DeclarationRule(Set.of(DeclarationChannel.IN_MEETING, DeclarationChannel.VIA_MEMBER), false,
                    "LSVO-20");
            default -> null;
        };
        ChairRule chair = political
                ? new ChairRule(ChairSelection.HELD_BY_PARTY_KIND, PartyKind.REGION, false, false, Actor.CHAIR, "PSVO-03")
                : new ChairRule(ChairSelection.ELECTED_BY_BODY, null, true, false, null, "LSVO-02");
        return new Rulebook(id, body, version, inForce, decided, t.shortName(), due, null,
                new MeetingMinimum(n.perYear(), political ? "PSVO-05" : "LSVO-06"),
                new ExtraMeetingRule(true, t.style() == Style.GROUP ? null : new Fraction(1, 3), false,
                        political ? "PSVO-05" : "LSVO-07"),
                new NoticeRule(sender, n.notice(), political ? "PSVO-06" : "LSVO-08"),
                new AgendaRule(t.preparationBody() == null ? null : Actor.PREPARATION_GROUP, Actor.CHAIR, standing,
                        political ? "PSVO-07" : "LSVO-09"),
                submissions,
                t.preparationBody() == null ? null
                        : new PreparationRule(t.preparationBody(), new Lead(14, DayUnit.WEEKDAYS), "LSVO-24", "LSVO-23"),
                new MinutesRule(signatories, political ? "PSVO-10" : "LSVO-13"),
                new DistributionRule(t.recipients(), political ? "PSVO-11" : "LSVO-14"),
                n.published() ? new PublicationRule(true, t.publishedOn(), "LSVO-15") : null,
                quorum, declarations, chair,
                t.secretaryParty() == null ? null : new SecretaryRule(t.secretaryParty(), false, family + (political ? "-12" : "-26")),
                new MeetingControlRule(Set.of(Actor.CHAIR), Set.of(Actor.CHAIR), "LSVO-21"),
                t.recommends() ? new RecommendationRule(political
                        ? List.of("committees", "boards", "highest responsible officials")
                        : List.of("committees", "boards", "political councils"), political ? "PSVO-09" : "LSVO-27") : null);
    }

    /** The version in force on a date, or null before the first. */
    static @Nullable Rulebook inForceOn(LocalDate date, List<Rulebook> versions) {
        return versions.stream().filter(r -> !r.inForceFrom().isAfter(date))
                .max(Comparator.comparing(Rulebook::inForceFrom)).orElse(null);
    }
}
