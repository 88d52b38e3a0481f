package se.samverkan.api.structure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import java.util.Arrays;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import se.samverkan.domain.DomainException;
import se.samverkan.domain.Period;
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
import se.samverkan.domain.rulebook.RecipientKind;
import se.samverkan.domain.rulebook.RecommendationRule;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.rulebook.SecretaryRule;
import se.samverkan.domain.rulebook.SignatoryKind;
import se.samverkan.domain.rulebook.SignatoryRequirement;
import se.samverkan.domain.rulebook.StandingAgendaItem;
import se.samverkan.domain.rulebook.SubmissionDeadline;
import se.samverkan.domain.rulebook.SubmissionRule;
import se.samverkan.domain.structure.Agreement;
import se.samverkan.domain.structure.AgreementId;
import se.samverkan.domain.structure.AmendmentRule;
import se.samverkan.domain.structure.Appointment;
import se.samverkan.domain.structure.AppointmentId;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.BodyKind;
import se.samverkan.domain.structure.BodyLevel;
import se.samverkan.domain.structure.BodyRelation;
import se.samverkan.domain.structure.Committee;
import se.samverkan.domain.structure.CommitteeId;
import se.samverkan.domain.structure.CommitteeKind;
import se.samverkan.domain.structure.County;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.PartyKind;
import se.samverkan.domain.structure.PartySide;
import se.samverkan.domain.structure.Person;
import se.samverkan.domain.structure.PersonId;
import se.samverkan.domain.structure.RelationKind;
import se.samverkan.domain.structure.RulebookId;
import se.samverkan.domain.structure.Seat;
import se.samverkan.domain.structure.SeatId;
import se.samverkan.domain.structure.SeatRole;
import se.samverkan.domain.structure.SubjectArea;
import se.samverkan.tenancy.Role;

/**
 * Reads the structure files (structure/README.md) into a validated {@link Structure}. Every problem in every file is
 * collected, each with its file and line; if there is any, nothing is returned.
 *
 * <p>Ids derive from natural keys — a party from its code, a body from county and short name, a seat from its body and
 * key — so references are checked once every file has been read, whatever the order of the files.
 */
public final class StructureReader {

    private final List<StructureException> problems = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();

    private final Map<String, County> counties = new LinkedHashMap<>();
    private final Map<String, SubjectArea> subjectAreas = new LinkedHashMap<>();
    private final Map<String, String> functions = new LinkedHashMap<>();
    private final Map<String, Party> parties = new LinkedHashMap<>();
    private final Map<String, Committee> committees = new LinkedHashMap<>();
    private final Map<String, Body> bodies = new LinkedHashMap<>();
    private final List<BodyRelation> relations = new ArrayList<>();
    private final List<Rulebook> rulebooks = new ArrayList<>();
    private final Map<String, Seat> seats = new LinkedHashMap<>();
    private final Map<SeatId, Located> seatLines = new HashMap<>();
    private final Map<String, Structure.Login> people = new LinkedHashMap<>();
    private final List<Appointment> appointments = new ArrayList<>();
    private final List<Agreement> agreements = new ArrayList<>();

    /** Reads files given as (name, content) pairs, in the order given. */
    public static Structure read(Map<String, Supplier<InputStream>> files) {
        StructureReader reader = new StructureReader();
        files.forEach(reader::readFile);
        return reader.finish();
    }

    private record Located(String file, int line) {
    }

    private record Check(String file, int line, Supplier<@Nullable String> problem) {
    }

    private void check(YamlNode at, Supplier<@Nullable String> problem) {
        checks.add(new Check(at.file(), at.line(), problem));
    }

    // ---------------------------------------------------------------------------------------------------- files

    private void readFile(String file, Supplier<InputStream> content) {
        attempt(() -> readRoot(YamlNode.parse(file, content)));
    }

    private void attempt(Runnable step) {
        try {
            step.run();
        } catch (StructureException e) {
            problems.add(e);
        }
    }

    /** Runs a step that builds domain objects, turning a domain refusal into a problem at the node's line. */
    private void attempt(YamlNode at, Runnable step) {
        try {
            step.run();
        } catch (StructureException e) {
            problems.add(e);
        } catch (DomainException e) {
            problems.add(at.problem(e.getMessage()));
        }
    }

    private void readRoot(YamlNode root) {
        String countyCode;
        YamlNode countyNode = root.has("county") && !isScalar(root, "county") ? root.mapping("county") : null;
        if (countyNode != null) {
            YamlNode c = countyNode;
            County county;
            try {
                county = new County(c.string("code"), c.integer("number"), c.string("name"));
            } catch (DomainException e) {
                throw c.problem(e.getMessage());
            }
            c.rejectUnknownKeys();
            if (counties.putIfAbsent(county.code(), county) != null) {
                throw c.problem("county '" + county.code() + "' is defined in more than one file");
            }
            countyCode = county.code();
        } else {
            countyCode = root.string("county");
            String code = countyCode;
            check(root, () -> counties.containsKey(code) ? null : "county '" + code + "' is not defined by any structure file");
        }
        for (YamlNode n : root.list("subjectAreas")) {
            attempt(n, () -> {
                SubjectArea area = new SubjectArea(n.string("code"), n.string("name"));
                n.rejectUnknownKeys();
                if (subjectAreas.putIfAbsent(area.code(), area) != null) {
                    throw n.problem("subject area '" + area.code() + "' is defined twice");
                }
            });
        }
        attempt(() -> root.stringMap("functions").forEach((code, title) -> {
            if (functions.putIfAbsent(code, title) != null) {
                throw root.problem("function '" + code + "' is defined twice");
            }
        }));
        for (YamlNode n : root.list("parties")) {
            attempt(n, () -> readParty(n, countyCode));
        }
        for (YamlNode n : root.list("bodies")) {
            attempt(n, () -> readBody(n, countyCode));
        }
        for (YamlNode n : root.list("relations")) {
            attempt(n, () -> readRelation(n, countyCode));
        }
        for (YamlNode n : root.list("agreements")) {
            attempt(n, () -> readAgreement(n, countyCode));
        }
        for (YamlNode n : root.list("people")) {
            attempt(n, () -> readPerson(n, countyCode));
        }
        root.rejectUnknownKeys();
    }

    private static boolean isScalar(YamlNode root, String key) {
        try {
            root.optString(key);
            return true;
        } catch (StructureException e) {
            return false;
        }
    }

    // -------------------------------------------------------------------------------------------------- parties

    private void readParty(YamlNode n, String county) {
        String code = n.string("code");
        String successor = n.optString("successor");
        List<Party.FormerName> formerNames = new ArrayList<>();
        for (YamlNode f : n.list("formerNames")) {
            formerNames.add(new Party.FormerName(f.string("name"), f.date("until")));
            f.rejectUnknownKeys();
        }
        Party party = new Party(PartyId.of(code), code, county, n.string("name"), n.enumValue("kind", PartyKind.class),
                n.optString("organisationNumber"), period(n), successor == null ? null : PartyId.of(successor),
                formerNames);
        if (parties.putIfAbsent(code, party) != null) {
            throw n.problem("party '" + code + "' is defined twice");
        }
        if (successor != null) {
            check(n, () -> {
                Party next = parties.get(successor);
                if (next == null) {
                    return "successor '" + successor + "' is not a party";
                }
                LocalDate end = party.validity().to();
                LocalDate start = next.validity().from();
                return end != null && start != null && !start.equals(end.plusDays(1))
                        ? "AGR-02: successor '" + successor + "' starts " + start + ", not the day after " + code + " ends (" + end + ")"
                        : null;
            });
        }
        for (YamlNode c : n.list("committees")) {
            attempt(c, () -> {
                Committee committee = new Committee(CommitteeId.of(code + "/" + c.string("code")), party.id(),
                        c.string("code"), c.string("name"), c.enumValue("kind", CommitteeKind.class),
                        c.strings("subjectAreas"), period(c));
                c.rejectUnknownKeys();
                String key = code + "/" + committee.code();
                if (committees.putIfAbsent(key, committee) != null) {
                    throw c.problem("committee '" + key + "' is defined twice");
                }
                checkSubjectAreas(c, committee.subjectAreas());
                if (!committee.validity().within(party.validity())) {
                    throw c.problem("committee '" + key + "' is valid outside its party's validity");
                }
            });
        }
        n.rejectUnknownKeys();
    }

    private void checkSubjectAreas(YamlNode at, List<String> codes) {
        for (String code : codes) {
            check(at, () -> subjectAreas.containsKey(code) ? null : "subject area '" + code + "' is not defined");
        }
    }

    // --------------------------------------------------------------------------------------------------- bodies

    private static String bodyKey(String county, String shortName) {
        return county + "/" + shortName;
    }

    private void readBody(YamlNode n, String county) {
        String shortName = n.string("shortName");
        String owner = n.optString("owner");
        Body body = new Body(BodyId.of(bodyKey(county, shortName)), county, shortName, n.string("name"),
                n.enumValue("kind", BodyKind.class), n.enumValue("level", BodyLevel.class), requiredBool(n, "bindsParties"),
                n.optString("description"), owner == null ? null : PartyId.of(owner), period(n));
        if (bodies.putIfAbsent(bodyKey(county, shortName), body) != null) {
            throw n.problem("body '" + shortName + "' is defined twice in " + county);
        }
        if (owner != null) {
            checkParty(n, owner);
        }
        for (YamlNode s : n.list("seats")) {
            attempt(s, () -> readSeat(s, county, body));
        }
        for (YamlNode r : n.list("rulebooks")) {
            attempt(r, () -> readRulebook(r, county, body));
        }
        n.rejectUnknownKeys();
    }

    private static boolean requiredBool(YamlNode n, String key) {
        if (!n.has(key)) {
            throw n.problem("'" + key + "' is required (true or false)");
        }
        return n.bool(key, false);
    }

    private void checkParty(YamlNode at, String code) {
        check(at, () -> parties.containsKey(code) ? null : "party '" + code + "' is not defined");
    }

    private void readSeat(YamlNode s, String county, Body body) {
        String key = s.string("key");
        String partyCode = s.optString("party");
        String function = s.string("function");
        SeatRole role = s.enumValue("role", SeatRole.class);
        String committee = s.optString("committee");
        // whether a seat decides is the body's composition rule (LSVO-16, LSVO-22), so the file must say it wherever
        // the role allows one; for the other roles there is only one answer
        if (role.mayCarryMandate() && !s.has("decisionMandate")) {
            throw s.problem("seat '" + key + "' is " + role + ": say whether it carries a decision mandate "
                    + "(decisionMandate: true or false)");
        }
        boolean mandate = s.bool("decisionMandate", false);
        Seat seat = new Seat(SeatId.of(bodyKey(county, body.shortName()) + "/" + key), body.id(), key,
                partyCode == null ? null : PartyId.of(partyCode), s.optString("externalOrganisation"), function,
                function, role, s.strings("subjectAreas"), mandate,
                committee == null ? null : CommitteeId.of(committee), period(s));
        s.rejectUnknownKeys();
        if (partyCode != null && seat.externalOrganisation() != null) {
            throw s.problem("seat '" + key + "' names both a party and an outside organisation");
        }
        if (seats.putIfAbsent(bodyKey(county, body.shortName()) + "/" + key, seat) != null) {
            throw s.problem("seat '" + key + "' is defined twice in " + body.shortName());
        }
        seatLines.put(seat.id(), new Located(s.file(), s.line()));
        checkSubjectAreas(s, seat.subjectAreas());
        check(s, () -> functions.containsKey(function) ? null : "function '" + function + "' is not in any 'functions' catalogue");
        if (committee != null) {
            check(s, () -> {
                Committee c = committees.get(committee);
                if (c == null) {
                    return "committee '" + committee + "' is not defined (write party/committee)";
                }
                return partyCode != null && !c.party().equals(PartyId.of(partyCode))
                        ? "committee '" + committee + "' belongs to another party than the seat's (" + partyCode + ")" : null;
            });
        }
        if (partyCode != null) {
            check(s, () -> {
                Party party = parties.get(partyCode);
                if (party == null) {
                    return "party '" + partyCode + "' is not defined";
                }
                return seat.validity().within(party.validity()) ? null
                        : "seat '" + key + "' is valid outside the validity of its party '" + partyCode + "'";
            });
        }
    }

    // ------------------------------------------------------------------------------------------------ rulebooks

    private void readRulebook(YamlNode r, String county, Body body) {
        String version = r.string("version");
        Rulebook rulebook = new Rulebook(RulebookId.of(bodyKey(county, body.shortName()) + "/" + version), body.id(),
                version, r.date("inForceFrom"), r.optDate("decidedOn"), r.optString("decidedBy"),
                r.optDate("nextRevisionDue"), r.optString("source"),
                optional(r, "meetingMinimum", n -> new MeetingMinimum(n.integer("perYear"), n.string("rule"))),
                optional(r, "extraMeetings", n -> new ExtraMeetingRule(n.bool("chairMayRequest", false),
                        fraction(n, "memberShare"), n.bool("anyPartyMayRequest", false), n.string("rule"))),
                optional(r, "notice", n -> new NoticeRule(n.enumValue("sentBy", Actor.class), lead(n), n.string("rule"))),
                optional(r, "agenda", n -> new AgendaRule(n.optEnum("preparedBy", Actor.class),
                        n.enumValue("decidedBy", Actor.class), standingItems(n, county), n.string("rule"))),
                optional(r, "submissions", n -> new SubmissionRule(Set.copyOf(n.enumList("submittedBy", Actor.class)),
                        n.list("deadlines").stream().map(d -> done(d, new SubmissionDeadline(
                                d.enumValue("matterType", MatterType.class), lead(d), d.string("rule")))).toList(),
                        Set.copyOf(n.enumList("complementRequestedBy", Actor.class)),
                        Set.copyOf(n.enumList("lateMatterAdmittedBy", Actor.class)), n.string("rule"),
                        n.optString("complementRule"), n.optString("lateAdmissionRule"))),
                optional(r, "preparation", n -> {
                    String prep = n.string("preparationBody");
                    checkBody(n, county, prep);
                    return new PreparationRule(prep, lead(n), n.string("rule"), n.optString("mandateRule"));
                }),
                optional(r, "minutes", n -> new MinutesRule(n.list("signatories").stream().map(s -> done(s,
                        new SignatoryRequirement(s.enumValue("kind", SignatoryKind.class),
                                s.optEnum("side", PartySide.class), s.integer("count"),
                                s.enumValue("act", SignatoryRequirement.Act.class)))).toList(), n.string("rule"))),
                optional(r, "distribution", n -> new DistributionRule(
                        n.list("recipients").stream().map(p -> recipient(p, county)).toList(), n.string("rule"))),
                optional(r, "publication", n -> new PublicationRule(requiredBool(n, "minutesPublished"),
                        n.optString("channel"), n.string("rule"))),
                r.list("quorum").stream().map(q -> done(q, new QuorumRule(q.enumValue("category", DecisionCategory.class),
                        q.enumValue("kind", QuorumKind.class), q.string("rule")))).toList(),
                optional(r, "declarations", n -> new DeclarationRule(
                        Set.copyOf(n.enumList("channels", DeclarationChannel.class)),
                        n.bool("substituteAllowed", false), n.string("rule"))),
                optional(r, "chair", n -> new ChairRule(n.enumValue("selection", ChairSelection.class),
                        n.optEnum("heldBy", PartyKind.class), n.bool("officialMayChair", false),
                        n.bool("officialChairHasMandate", false), n.optEnum("viceChairAppointedBy", Actor.class),
                        n.string("rule"))),
                optional(r, "secretary", n -> {
                    String provider = n.optString("providedByParty");
                    if (provider != null) {
                        checkParty(n, provider);
                    }
                    return new SecretaryRule(provider, n.bool("rotatesYearly", false), n.string("rule"));
                }),
                optional(r, "meetingControl", n -> new MeetingControlRule(Set.copyOf(n.enumList("postponedBy", Actor.class)),
                        Set.copyOf(n.enumList("cancelledBy", Actor.class)), n.string("rule"))),
                optional(r, "recommendations", n -> new RecommendationRule(n.strings("addressees"), n.string("rule"))));
        r.rejectUnknownKeys();
        boolean clash = rulebooks.stream().anyMatch(other -> other.body().equals(body.id())
                && (other.version().equals(version) || other.inForceFrom().equals(rulebook.inForceFrom())));
        if (clash) {
            throw r.problem("body '" + body.shortName() + "' already has a rulebook " + version + " or one in force from "
                    + rulebook.inForceFrom());
        }
        rulebooks.add(rulebook);
    }

    private interface NodeReader<T> {
        T read(YamlNode node);
    }

    private <T> @Nullable T optional(YamlNode parent, String key, NodeReader<T> reader) {
        YamlNode node = parent.optMapping(key);
        if (node == null) {
            return null;
        }
        try {
            return done(node, reader.read(node));
        } catch (DomainException e) {
            throw node.problem(e.getMessage());
        }
    }

    private static <T> T done(YamlNode node, T value) {
        node.rejectUnknownKeys();
        return value;
    }

    private static Lead lead(YamlNode n) {
        YamlNode lead = n.mapping("lead");
        try {
            return done(lead, new Lead(lead.integer("amount"), lead.enumValue("unit", DayUnit.class)));
        } catch (DomainException e) {
            throw lead.problem(e.getMessage());
        }
    }

    private static @Nullable Fraction fraction(YamlNode n, String key) {
        String text = n.optString(key);
        if (text == null) {
            return null;
        }
        String[] parts = text.split("/");
        try {
            return new Fraction(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (RuntimeException e) {
            throw new StructureException(n.file(), n.lineOf(key), "'" + key + "' must be a share such as 1/3, not '" + text + "'");
        }
    }

    private List<StandingAgendaItem> standingItems(YamlNode n, String county) {
        return n.list("standingItems").stream().map(i -> {
            String from = i.string("fromBody");
            checkBody(i, county, from);
            return done(i, new StandingAgendaItem(i.enumValue("kind", StandingAgendaItem.Kind.class), from, i.string("rule")));
        }).toList();
    }

    private Recipient recipient(YamlNode p, String county) {
        RecipientKind kind = p.enumValue("kind", RecipientKind.class);
        String target = p.optString("target");
        Recipient recipient;
        try {
            recipient = new Recipient(kind, target, p.optEnum("side", PartySide.class));
        } catch (DomainException e) {
            throw p.problem(e.getMessage());
        }
        p.rejectUnknownKeys();
        if (target != null) {
            switch (kind) {
                case BODY -> checkBody(p, county, target);
                case PARTY -> checkParty(p, target);
                case COMMITTEE -> check(p, () -> committees.containsKey(target) ? null : "committee '" + target + "' is not defined");
                default -> { }
            }
        }
        return recipient;
    }

    private void checkBody(YamlNode at, String county, String shortName) {
        check(at, () -> bodies.containsKey(bodyKey(county, shortName)) ? null
                : "body '" + shortName + "' is not defined in " + county);
    }

    // ------------------------------------------------------------------------------------------------ relations

    private void readRelation(YamlNode n, String county) {
        String from = n.string("from");
        String to = n.string("to");
        BodyRelation relation = new BodyRelation(BodyId.of(bodyKey(county, from)), n.enumValue("kind", RelationKind.class),
                BodyId.of(bodyKey(county, to)), n.optString("rule"), period(n));
        n.rejectUnknownKeys();
        checkBody(n, county, from);
        checkBody(n, county, to);
        if (relations.stream().anyMatch(r -> r.from().equals(relation.from()) && r.to().equals(relation.to())
                && r.kind() == relation.kind())) {
            throw n.problem("relation " + from + " " + relation.kind() + " " + to + " is defined twice");
        }
        relations.add(relation);
    }

    // ----------------------------------------------------------------------------------------------- agreements

    private void readAgreement(YamlNode n, String county) {
        String key = n.string("key");
        List<String> founders = n.strings("foundingParties");
        founders.forEach(code -> checkParty(n, code));
        Agreement agreement = new Agreement(AgreementId.of(county + "/" + key), county, n.string("name"),
                n.optString("caseNumber"), n.date("inForceFrom"), n.optInteger("validityYears"),
                n.enumValue("amendmentRule", AmendmentRule.class), founders.stream().map(PartyId::of).toList(),
                n.strings("rules"));
        n.rejectUnknownKeys();
        if (new HashSet<>(founders).size() != founders.size()) {
            throw n.problem("agreement '" + key + "' names a party twice");
        }
        agreements.add(agreement);
    }

    // --------------------------------------------------------------------------------------------------- people

    private void readPerson(YamlNode n, String county) {
        String key = n.string("key");
        boolean login = n.bool("login", false);
        List<String> roles = n.strings("roles");
        String partyCode = n.optString("party");
        Person person = new Person(PersonId.of(county + "/" + key), n.string("name"), login ? key : null, partyCode);
        if (partyCode != null) {
            checkParty(n, partyCode);
        }
        if (!login && !roles.isEmpty()) {
            throw n.problem("person '" + key + "' has roles but no login");
        }
        for (String role : roles) {
            if (Role.fromRealmName(role).isEmpty()) {
                throw n.problem("role '" + role + "' is not one of " + Arrays.stream(Role.values()).map(Role::realmName).toList());
            }
        }
        if (login && people.values().stream().anyMatch(p -> key.equals(p.person().username()))) {
            throw n.problem("user name '" + key + "' is taken");
        }
        if (people.putIfAbsent(county + "/" + key, new Structure.Login(person, roles)) != null) {
            throw n.problem("person '" + key + "' is defined twice in " + county);
        }
        for (YamlNode a : n.list("appointments")) {
            attempt(a, () -> {
                String body = a.string("body");
                String seatKey = a.string("seat");
                Period period = new Period(a.optDate("from"), a.optDate("to"));
                a.rejectUnknownKeys();
                String seatRef = bodyKey(county, body) + "/" + seatKey;
                // the nth appointment of this person to this seat: changing its dates keeps its id
                long earlier = appointments.stream().filter(x -> x.person().equals(person.id())
                        && x.seat().equals(SeatId.of(seatRef))).count();
                appointments.add(new Appointment(AppointmentId.of(county + "/" + key + "/" + seatRef + "/" + earlier),
                        person.id(), SeatId.of(seatRef), period));
                check(a, () -> {
                    Seat seat = seats.get(seatRef);
                    if (seat == null) {
                        return "seat '" + seatKey + "' is not defined in body '" + body + "'";
                    }
                    return period.within(seat.validity()) ? null
                            : "the appointment of " + key + " is outside the validity of seat '" + seatKey + "' in " + body;
                });
            });
        }
        n.rejectUnknownKeys();
    }

    // --------------------------------------------------------------------------------------------------- shared

    private static Period period(YamlNode n) {
        try {
            return new Period(n.optDate("validFrom"), n.optDate("validTo"));
        } catch (DomainException e) {
            throw n.problem(e.getMessage());
        }
    }

    private Structure finish() {
        for (Check check : checks) {
            String problem = check.problem().get();
            if (problem != null) {
                problems.add(new StructureException(check.file(), check.line(), problem));
            }
        }
        checkAppointmentOverlaps();
        if (counties.isEmpty() && problems.isEmpty()) {
            problems.add(new StructureException("(structure)", 0, "no county is defined: check samverkan.structure.locations"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidStructureException(problems);
        }
        List<Seat> titled = seats.values().stream().map(s -> new Seat(s.id(), s.body(), s.key(), s.party(),
                s.externalOrganisation(), s.function(), functions.get(s.function()), s.role(), s.subjectAreas(),
                s.decisionMandate(), s.committee(), s.validity())).toList();
        return new Structure(List.copyOf(counties.values()), List.copyOf(subjectAreas.values()),
                List.copyOf(parties.values()), List.copyOf(committees.values()), List.copyOf(bodies.values()),
                List.copyOf(relations), List.copyOf(rulebooks), titled, List.copyOf(people.values()),
                List.copyOf(appointments), List.copyOf(agreements));
    }

    /** A seat holds one person at a time: two appointments to one seat must not overlap. */
    private void checkAppointmentOverlaps() {
        Map<SeatId, List<Appointment>> bySeat = new HashMap<>();
        for (Appointment a : appointments) {
            for (Appointment other : bySeat.computeIfAbsent(a.seat(), k -> new ArrayList<>())) {
                if (other.period().overlaps(a.period())) {
                    Located at = seatLines.get(a.seat());
                    problems.add(new StructureException(at == null ? "(structure)" : at.file(), at == null ? 0 : at.line(),
                            "seat has two overlapping appointments (" + other.person() + ", " + a.person() + ")"));
                }
            }
            bySeat.get(a.seat()).add(a);
        }
    }
}
