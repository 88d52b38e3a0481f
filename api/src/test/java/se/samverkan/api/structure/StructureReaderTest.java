package se.samverkan.api.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import se.samverkan.domain.rulebook.DayUnit;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.Agreement;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.PartyId;

/**
 * {@link StructureReader} against the format of structure/README.md: the shipped files read cleanly, and a broken
 * file is refused with every problem at its file and line.
 */
class StructureReaderTest {

    private static final String FILE = "structure/testlan.yaml";
    private static final String DEMO = "demo/testlan.yaml";

    /**
     * A small valid structure file. The {@code # ...} markers are YAML comments where a test inserts more lines (at
     * the indentation of the marker).
     */
    private static final String BASE = """
            county: {code: testlan, number: 1, name: Testlän}
            subjectAreas:
              - {code: aldre, name: Äldre}
            functions:
              chef: Förvaltningschef
              sekreterare: Sekreterare
            parties:
              - code: kommun-a
                name: Kommun A
                kind: MUNICIPALITY
                validFrom: 1971-01-01
                committees:
                  - {code: von, name: Vård- och omsorgsnämnden, kind: COMMITTEE, subjectAreas: [aldre], validFrom: 2015-01-01}
              - code: landstinget
                name: Landstinget
                kind: COUNTY_COUNCIL
                validFrom: 1863-01-01
                validTo: 2018-12-31
                successor: regionen
              - code: regionen
                name: Regionen
                kind: REGION
                validFrom: 2019-01-01
              # PARTIES
            bodies:
              - shortName: LSVO
                name: Ledningssamverkan vård och omsorg
                kind: LEADERSHIP_GROUP
                level: OFFICIALS
                bindsParties: false
                validFrom: 2019-01-01
                seats:
                  - {key: kommun-a-aldre, party: kommun-a, function: chef, role: MEMBER, decisionMandate: true, subjectAreas: [aldre], committee: kommun-a/von, validFrom: 2019-01-01}
                  - {key: secretary, party: regionen, function: sekreterare, role: SECRETARY, validFrom: 2019-01-01}
                  # SEATS
              - shortName: PSVO
                name: Politisk samverkan vård och omsorg
                kind: POLITICAL_COUNCIL
                level: POLITICAL
                bindsParties: false
                validFrom: 2019-01-01
              # BODIES
            relations:
              - {from: LSVO, kind: REPORTS_TO, to: PSVO, rule: LSVO-28}
              # RELATIONS
            """;

    private static final String DEMO_BASE = """
            county: testlan
            people:
              - key: anna
                name: Anna Andersson
                party: kommun-a
                appointments:
                  - {body: LSVO, seat: kommun-a-aldre, from: 2024-02-16}
              # PEOPLE
            """;

    // ------------------------------------------------------------------------------------------- shipped files

    @Test
    void theShippedStructureAndDemoFilesReadWithoutProblems() {
        Structure structure = shipped();

        assertThat(structure.counties()).extracting(c -> c.code()).containsExactly("blekinge", "norrbotten");
        assertThat(structure.people()).isNotEmpty();
        assertThat(structure.appointments()).isNotEmpty();
    }

    @Test
    void AGR_02_blekingeHasSevenPartiesOn2018_06_01AndSixOn2019_01_01() {
        Structure structure = shipped();
        List<Party> blekinge = structure.parties().stream().filter(p -> p.countyCode().equals("blekinge")).toList();

        assertThat(blekinge.stream().filter(p -> p.existsOn(LocalDate.of(2018, 6, 1)))).hasSize(7);
        assertThat(blekinge.stream().filter(p -> p.existsOn(LocalDate.of(2019, 1, 1)))).hasSize(6)
                .extracting(Party::code).contains("region-blekinge")
                .doesNotContain("landstinget-blekinge", "region-blekinge-kf");

        Agreement agreement = structure.agreements().stream().filter(a -> a.countyCode().equals("blekinge"))
                .findFirst().orElseThrow();
        Map<PartyId, Party> byId = new LinkedHashMap<>();
        structure.parties().forEach(p -> byId.put(p.id(), p));
        assertThat(agreement.partiesOn(LocalDate.of(2018, 6, 1), byId)).hasSize(7);
        assertThat(agreement.partiesOn(LocalDate.of(2019, 1, 1), byId)).hasSize(6);
    }

    @Test
    void LSVO_08_LSVO_29_lsvoRulebookIsVersion1_0DecidedOn2024_02_16WithNoticeOfTenWeekdays() {
        Rulebook lsvo = rulebookOf(shipped(), "blekinge", "LSVO");

        assertThat(lsvo.version()).isEqualTo("1.0");
        assertThat(lsvo.decidedOn()).isEqualTo(LocalDate.of(2024, 2, 16));
        assertThat(lsvo.nextRevisionDue()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(lsvo.notice()).isNotNull();
        assertThat(lsvo.notice().lead().amount()).isEqualTo(10);
        assertThat(lsvo.notice().lead().unit()).isEqualTo(DayUnit.WEEKDAYS);
        assertThat(lsvo.notice().rule()).isEqualTo("LSVO-08");
    }

    @Test
    void PSVO_06_psvoNoticeIsSevenCalendarDays() {
        Rulebook psvo = rulebookOf(shipped(), "blekinge", "PSVO");

        assertThat(psvo.notice()).isNotNull();
        assertThat(psvo.notice().lead().amount()).isEqualTo(7);
        assertThat(psvo.notice().lead().unit()).isEqualTo(DayUnit.CALENDAR_DAYS);
        assertThat(psvo.notice().rule()).isEqualTo("PSVO-06");
    }

    @Test
    void theSmallTestStructureIsValid() {
        Structure structure = StructureReader.read(files(FILE, BASE, DEMO, DEMO_BASE));

        assertThat(structure.parties()).hasSize(3);
        assertThat(structure.seats()).hasSize(2);
        assertThat(structure.appointments()).hasSize(1);
    }

    @Test
    void aDemoFileMayComeBeforeTheStructureFileItRefersTo() {
        Structure structure = StructureReader.read(files(DEMO, DEMO_BASE, FILE, BASE));

        assertThat(structure.appointments()).hasSize(1);
    }

    // --------------------------------------------------------------------------------------------- YAML itself

    @Test
    void aYamlSyntaxErrorReportsTheFileAndTheLine() {
        String yaml = BASE.replace("    name: Kommun A\n", "    name: Kommun: A\n");

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.line()).isEqualTo(lineOf(yaml, "name: Kommun: A"));
        assertThat(problem.getMessage()).startsWith(FILE + ":" + problem.line() + ": not valid YAML");
    }

    @Test
    void aYamlSyntaxErrorInOneFileDoesNotHideTheOtherFiles() {
        List<StructureException> problems = problems(files(
                FILE, BASE.replace("    name: Kommun A\n", "    name: [Kommun A\n"),
                DEMO, DEMO_BASE.replace("anna\n", "anna\n    colour: blue\n")));

        assertThat(problems).extracting(StructureException::file).contains(FILE, DEMO);
    }

    @Test
    void duplicateKeysInAMappingAreRefused() {
        String yaml = insert(BASE, "PARTIES", """
                - code: kommun-b
                  name: Kommun B
                  kind: MUNICIPALITY
                  name: Kommun Bee
                """);

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "name: Kommun Bee"));
        assertThat(problem.getMessage()).contains("'name'", "twice");
    }

    @Test
    void duplicateFunctionCodesAreRefused() {
        String yaml = BASE.replace("  sekreterare: Sekreterare\n", "  sekreterare: Sekreterare\n  chef: Chef\n");

        List<StructureException> problems = problems(files(FILE, yaml));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(lineOf(yaml, "  chef: Chef"));
            assertThat(p.getMessage()).contains("'chef'", "twice");
        });
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheKeyAndItsLine() {
        String yaml = insert(BASE, "PARTIES", """
                - code: kommun-b
                  name: Kommun B
                  kind: MUNICIPALITY
                  colour: blue
                """);

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "colour: blue"));
        assertThat(problem.getMessage()).contains("unknown key 'colour'");
    }

    @Test
    void aBodyWithoutKindNamesTheMissingKeyAndTheBodysLine() {
        String yaml = insert(BASE, "BODIES", """
                - shortName: RCG
                  name: Regionchefsgrupp
                  level: OFFICIALS
                  bindsParties: false
                """);

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "shortName: RCG"));
        assertThat(problem.getMessage()).contains("'kind' is required");
    }

    @Test
    void aBadEnumValueListsTheAllowedValues() {
        String yaml = insert(BASE, "PARTIES", """
                - code: kommun-b
                  name: Kommun B
                  kind: TOWN
                """);

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "kind: TOWN"));
        assertThat(problem.getMessage()).contains("'kind' is 'TOWN'", "MUNICIPALITY", "REGION", "COUNTY_COUNCIL",
                "MUNICIPAL_ASSOCIATION", "COUNTY_ADMINISTRATIVE_BOARD");
    }

    @Test
    void aBadDateIsRefusedAtItsLine() {
        String yaml = insert(BASE, "PARTIES", """
                - code: kommun-b
                  name: Kommun B
                  kind: MUNICIPALITY
                  validFrom: 2019-02-30
                """);

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "validFrom: 2019-02-30"));
        assertThat(problem.getMessage()).contains("'validFrom' must be a date", "2019-02-30");
    }

    // ---------------------------------------------------------------------------------------------- references

    @Test
    void aSeatNamingAnUndefinedPartyIsRefusedAtTheSeatsLine() {
        String yaml = insert(BASE, "SEATS",
                "- {key: kommun-x, party: kommun-x, function: chef, role: MEMBER, decisionMandate: true, validFrom: 2019-01-01}\n");

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "key: kommun-x"));
        assertThat(problem.getMessage()).contains("party 'kommun-x' is not defined");
    }

    @Test
    void AGR_02_anUndefinedSuccessorIsRefusedAtThePartysLine() {
        String yaml = insert(BASE, "PARTIES", """
                - code: forbundet
                  name: Förbundet
                  kind: MUNICIPAL_ASSOCIATION
                  validTo: 2018-12-31
                  successor: nowhere
                """);

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "code: forbundet"));
        assertThat(problem.getMessage()).contains("successor 'nowhere' is not a party");
    }

    @Test
    void aSeatNamingAnUndefinedCommitteeIsRefusedAtTheSeatsLine() {
        String yaml = insert(BASE, "SEATS",
                "- {key: kommun-a-ifo, party: kommun-a, function: chef, role: MEMBER, decisionMandate: true, committee: kommun-a/sn, validFrom: 2019-01-01}\n");

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "key: kommun-a-ifo"));
        assertThat(problem.getMessage()).contains("committee 'kommun-a/sn' is not defined");
    }

    @Test
    void aRelationToAnUndefinedBodyIsRefusedAtTheRelationsLine() {
        String yaml = insert(BASE, "RELATIONS", "- {from: LSVO, kind: PREPARES_FOR, to: RCG, rule: LSVO-28}\n");

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "to: RCG"));
        assertThat(problem.getMessage()).contains("body 'RCG' is not defined in testlan");
    }

    @Test
    void aSeatNamingAnUndefinedSubjectAreaIsRefusedAtTheSeatsLine() {
        String yaml = insert(BASE, "SEATS",
                "- {key: kommun-a-skola, party: kommun-a, function: chef, role: MEMBER, decisionMandate: true, subjectAreas: [skola], validFrom: 2019-01-01}\n");

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "key: kommun-a-skola"));
        assertThat(problem.getMessage()).contains("subject area 'skola' is not defined");
    }

    @Test
    void aSeatNamingAFunctionOutsideEveryCatalogueIsRefusedAtTheSeatsLine() {
        String yaml = insert(BASE, "SEATS",
                "- {key: kommun-a-rektor, party: kommun-a, function: rektor, role: MEMBER, decisionMandate: true, validFrom: 2019-01-01}\n");

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "key: kommun-a-rektor"));
        assertThat(problem.getMessage()).contains("function 'rektor' is not in any 'functions' catalogue");
    }

    @Test
    void anAppointmentToAnUndefinedSeatIsRefusedAtTheAppointmentsLine() {
        String demo = DEMO_BASE.replace("seat: kommun-a-aldre", "seat: kommun-a-skola");

        StructureException problem = onlyProblem(files(FILE, BASE, DEMO, demo));

        assertThat(problem.file()).isEqualTo(DEMO);
        assertThat(problem.line()).isEqualTo(lineOf(demo, "seat: kommun-a-skola"));
        assertThat(problem.getMessage()).contains("seat 'kommun-a-skola' is not defined in body 'LSVO'");
    }

    @Test
    void aDemoFileNamingACountyNoStructureFileDefinesIsRefused() {
        String demo = DEMO_BASE.replace("county: testlan", "county: smaland");

        List<StructureException> problems = problems(files(FILE, BASE, DEMO, demo));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(DEMO);
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.getMessage()).contains("county 'smaland' is not defined by any structure file");
        });
    }

    // ------------------------------------------------------------------------------------------------- rules

    @Test
    void LSVO_22_coOptedSeatWithMandateIsRefusedAtItsLine() {
        String yaml = insert(BASE, "SEATS",
                "- {key: sammankallande, party: kommun-a, function: chef, role: CO_OPTED, decisionMandate: true, validFrom: 2019-01-01}\n");

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "key: sammankallande"));
        assertThat(problem.getMessage()).contains("LSVO-22", "CO_OPTED", "decision mandate");
    }

    @Test
    void LSVO_16_aMemberSeatMustSayWhetherItCarriesAMandate() {
        String yaml = insert(BASE, "SEATS",
                "- {key: tyst, party: kommun-a, function: chef, role: MEMBER, validFrom: 2019-01-01}\n");

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "key: tyst"));
        assertThat(problem.getMessage()).contains("decisionMandate: true or false");
    }

    @Test
    void PSVO_04_expertSeatWithMandateIsRefusedAtItsLine() {
        String yaml = insert(BASE, "SEATS",
                "- {key: sakkunnig, party: kommun-a, function: chef, role: EXPERT, decisionMandate: true, validFrom: 2019-01-01}\n");

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "key: sakkunnig"));
        assertThat(problem.getMessage()).contains("PSVO-04", "EXPERT");
    }

    @Test
    void aSeatValidOutsideItsPartysValidityIsRefused() {
        String yaml = insert(BASE, "SEATS",
                "- {key: landstinget, party: landstinget, function: chef, role: MEMBER, decisionMandate: true, validFrom: 2018-01-01}\n");

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "key: landstinget"));
        assertThat(problem.getMessage()).contains("seat 'landstinget' is valid outside the validity of its party 'landstinget'");
    }

    @Test
    void twoOverlappingAppointmentsToOneSeatAreRefused() {
        String demo = insert(DEMO_BASE, "PEOPLE", """
                - key: bertil
                  name: Bertil Berg
                  party: kommun-a
                  appointments:
                    - {body: LSVO, seat: kommun-a-aldre, from: 2025-01-01}
                """);

        StructureException problem = onlyProblem(files(FILE, BASE, DEMO, demo));

        // Reported at the seat both appointments are to.
        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.line()).isEqualTo(lineOf(BASE, "key: kommun-a-aldre"));
        assertThat(problem.getMessage()).contains("seat has two overlapping appointments");
    }

    @Test
    void consecutiveAppointmentsToOneSeatAreAccepted() {
        String demo = insert(DEMO_BASE.replace("from: 2024-02-16}", "from: 2024-02-16, to: 2024-12-31}"), "PEOPLE", """
                - key: bertil
                  name: Bertil Berg
                  party: kommun-a
                  appointments:
                    - {body: LSVO, seat: kommun-a-aldre, from: 2025-01-01}
                """);

        Structure structure = StructureReader.read(files(FILE, BASE, DEMO, demo));

        assertThat(structure.appointments()).hasSize(2);
    }

    @Test
    void AGR_02_aSuccessorThatDoesNotStartTheDayAfterItsPredecessorEndsIsRefused() {
        String yaml = BASE.replace("    validFrom: 2019-01-01\n  # PARTIES", "    validFrom: 2019-02-01\n  # PARTIES");

        List<StructureException> problems = problems(files(FILE, yaml));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(lineOf(yaml, "code: landstinget"));
            assertThat(p.getMessage()).contains("successor 'regionen' starts 2019-02-01", "not the day after",
                    "2018-12-31");
        });
    }

    @Test
    void AGR_02_aPartyNamingASuccessorMustEnd() {
        String yaml = BASE.replace("    validTo: 2018-12-31\n    successor: regionen\n", "    successor: regionen\n");

        StructureException problem = onlyProblem(files(FILE, yaml));

        assertThat(problem.line()).isEqualTo(lineOf(yaml, "code: landstinget"));
        assertThat(problem.getMessage()).contains("AGR-02", "never ends");
    }

    // ------------------------------------------------------------------------------------------ many problems

    @Test
    void severalProblemsInOneFileAreAllReported() {
        String yaml = insert(insert(insert(BASE,
                "PARTIES", """
                        - code: kommun-b
                          name: Kommun B
                          kind: TOWN
                        - code: kommun-c
                          name: Kommun C
                          kind: MUNICIPALITY
                          colour: blue
                        """),
                "SEATS", "- {key: sammankallande, party: kommun-a, function: chef, role: CO_OPTED, decisionMandate: true}\n"),
                "RELATIONS", "- {from: LSVO, kind: PREPARES_FOR, to: RCG, rule: LSVO-28}\n");

        List<StructureException> problems = problems(files(FILE, yaml));

        assertThat(problems).extracting(StructureException::line).containsExactlyInAnyOrder(
                lineOf(yaml, "kind: TOWN"),
                lineOf(yaml, "colour: blue"),
                lineOf(yaml, "key: sammankallande"),
                lineOf(yaml, "to: RCG"));
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo(FILE));
    }

    @Test
    void aMalformedListItemDoesNotHideTheProblemsOfTheItemsAfterIt() {
        String yaml = insert(BASE, "PARTIES", """
                - code: kommun-b
                  name: Kommun B
                  kind: MUNICIPALITY
                  name: Kommun Bee
                - code: kommun-c
                  name: Kommun C
                  kind: TOWN
                """);

        List<StructureException> problems = problems(files(FILE, yaml));

        assertThat(problems).extracting(StructureException::line).containsExactlyInAnyOrder(
                lineOf(yaml, "name: Kommun Bee"),
                lineOf(yaml, "kind: TOWN"));
    }

    @Test
    void theExceptionMessageListsEveryProblemAsFileColonLine() {
        String yaml = insert(BASE, "PARTIES", """
                - code: kommun-b
                  name: Kommun B
                  kind: TOWN
                """);

        InvalidStructureException e = catchThrowableOfType(InvalidStructureException.class,
                () -> StructureReader.read(files(FILE, yaml)));

        assertThat(e.getMessage()).contains("1 problem", FILE + ":" + lineOf(yaml, "kind: TOWN") + ": 'kind' is 'TOWN'");
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static Structure shipped() {
        Map<String, Supplier<InputStream>> files = new LinkedHashMap<>();
        for (String folder : List.of("structure", "demo")) {
            for (String county : List.of("blekinge", "norrbotten")) {
                String name = folder + "/" + county + ".yaml";
                files.put(name, () -> Objects.requireNonNull(
                        StructureReaderTest.class.getClassLoader().getResourceAsStream(name), name));
            }
        }
        return StructureReader.read(files);
    }

    private static Rulebook rulebookOf(Structure structure, String county, String shortName) {
        Body body = structure.bodies().stream()
                .filter(b -> b.countyCode().equals(county) && b.shortName().equals(shortName))
                .findFirst().orElseThrow();
        List<Rulebook> rulebooks = structure.rulebooks().stream().filter(r -> r.body().equals(body.id())).toList();
        assertThat(rulebooks).hasSize(1);
        return rulebooks.getFirst();
    }

    /** Files as (name, content) pairs, kept in the order given. */
    private static Map<String, Supplier<InputStream>> files(String... namesAndContents) {
        Map<String, Supplier<InputStream>> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            byte[] bytes = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
            files.put(namesAndContents[i], () -> new ByteArrayInputStream(bytes));
        }
        return files;
    }

    private static List<StructureException> problems(Map<String, Supplier<InputStream>> files) {
        InvalidStructureException e = catchThrowableOfType(InvalidStructureException.class, () -> StructureReader.read(files));
        assertThat(e).as("the files should be refused").isNotNull();
        return e.problems();
    }

    private static StructureException onlyProblem(Map<String, Supplier<InputStream>> files) {
        List<StructureException> problems = problems(files);
        assertThat(problems).as(problems.toString()).hasSize(1);
        return problems.getFirst();
    }

    /** Inserts YAML lines at a {@code # MARKER} comment, indented as the marker is. */
    private static String insert(String yaml, String marker, String lines) {
        String comment = "# " + marker + "\n";
        int at = yaml.indexOf(comment);
        assertThat(at).as("marker " + marker).isNotNegative();
        int lineStart = yaml.lastIndexOf('\n', at) + 1;
        String indent = yaml.substring(lineStart, at);
        StringBuilder indented = new StringBuilder();
        lines.lines().forEach(line -> indented.append(indent).append(line).append('\n'));
        return yaml.substring(0, lineStart) + indented + yaml.substring(lineStart);
    }

    /** The 1-based number of the first line containing the text. */
    private static int lineOf(String yaml, String text) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains '" + text + "'");
    }
}
