package se.samverkan.api.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import se.samverkan.api.config.ClockConfig;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.calendar.Deadlines;
import se.samverkan.domain.meeting.MatterState;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.Agreement;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;

/**
 * {@code Body.compliance(year)}: how a body keeps its rulebook in a year, against the rulebook in force at the end of
 * that year (LSVO-06, LSVO-08, LSVO-29, PSVO-05, PSVO-06, NB-04, NB-07). Counts are aggregated in SQL for all bodies of
 * a request at once.
 */
@Controller
public class ComplianceController {

    record Key(BodyId body, int year) {
    }

    public record MeetingCompliance(@Nullable Integer minimum, @Nullable String rule, int held, int planned, int cancelled,
            int extra, @Nullable Boolean meetsMinimum) {

        /** A year's meetings against a minimum: met when the held and the still planned ones reach it. */
        public static MeetingCompliance of(@Nullable Integer minimum, @Nullable String rule, int held, int planned,
                int cancelled, int extra) {
            return new MeetingCompliance(minimum, rule, held, planned, cancelled, extra,
                    minimum == null ? null : held + planned >= minimum);
        }
    }

    /** Every state of the year's matters, with its count (zero for states absent from the counts). */
    public static List<MatterStateCount> everyState(Map<String, Integer> counts) {
        return Arrays.stream(MatterState.values()).map(s -> new MatterStateCount(s, counts.getOrDefault(s.name(), 0))).toList();
    }

    /** Each agreement with its evaluation status today (NB-07). */
    public static List<AgreementStatus> statusOf(List<Agreement> agreements, LocalDate today) {
        return agreements.stream().map(a -> new AgreementStatus(a, a.evaluationDue(), a.pastEvaluation(today))).toList();
    }

    record NoticeCompliance(int onTime, int late, int overdue, @Nullable String rule) {
    }

    public record MatterStateCount(MatterState state, int count) {
    }

    public record RevisionStatus(@Nullable LocalDate nextRevisionDue, boolean pastRevision) {
    }

    public record AgreementStatus(Agreement agreement, @Nullable LocalDate evaluationDue, boolean pastEvaluation) {
    }

    record Compliance(int year, @Nullable String rulebookVersion, MeetingCompliance meetings, NoticeCompliance notices,
            List<MatterStateCount> mattersByState, RevisionStatus revision, List<AgreementStatus> agreements) {
    }

    private final ComplianceRepository repository;
    private final StructureRepository structure;
    private final Clock clock;

    ComplianceController(ComplianceRepository repository, StructureRepository structure, Clock clock,
            BatchLoaderRegistry registry) {
        this.repository = repository;
        this.structure = structure;
        this.clock = clock;
        registry.<Key, Compliance>forName("complianceByBodyYear").registerMappedBatchLoader((keys, env) ->
                Flux.fromIterable(keys.stream().collect(Collectors.groupingBy(Key::year,
                                Collectors.mapping(Key::body, Collectors.toSet()))).entrySet())
                        .concatMap(e -> compute(e.getValue(), e.getKey()))
                        .collect(HashMap<Key, Compliance>::new, Map::putAll));
    }

    @SchemaMapping(typeName = "Body")
    CompletableFuture<Compliance> compliance(Body body, @Argument int year,
            DataLoader<Key, Compliance> complianceByBodyYear) {
        se.samverkan.api.graphql.BadInputException.year(year);
        return complianceByBodyYear.load(new Key(body.id(), year));
    }

    private Mono<Map<Key, Compliance>> compute(Set<BodyId> bodies, int year) {
        LocalDate today = ClockConfig.today(clock);
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        return Mono.zip(repository.meetingCounts(bodies, year), repository.unnoticed(bodies, year),
                        repository.mattersByState(bodies, year), structure.rulebooksOf(bodies), structure.bodiesById(bodies))
                .flatMap(t -> structure.agreementsByCounty(t.getT5().values().stream().map(Body::countyCode)
                                .collect(Collectors.toSet()))
                        .map(agreements -> bodies.stream().collect(Collectors.toMap(b -> new Key(b, year), b -> {
                            Rulebook rulebook = Rulebook.inForceOn(endOfYear, t.getT4().getOrDefault(b, List.of())).orElse(null);
                            ComplianceRepository.MeetingCounts counts = t.getT1().getOrDefault(b,
                                    ComplianceRepository.MeetingCounts.NONE);
                            Integer minimum = rulebook == null || rulebook.meetingMinimum() == null ? null
                                    : rulebook.meetingMinimum().perYear();
                            int overdue = rulebook == null || rulebook.notice() == null ? 0 : (int) t.getT2().stream()
                                    .filter(u -> u.body().equals(b))
                                    .filter(u -> today.isAfter(Deadlines.due(u.date(), rulebook.notice().lead())))
                                    .count();
                            Map<String, Integer> states = t.getT3().getOrDefault(b, Map.of());
                            Body body = t.getT5().get(b);
                            List<Agreement> county = body == null ? List.of() : agreements.getOrDefault(body.countyCode(), List.of());
                            return new Compliance(year, rulebook == null ? null : rulebook.version(),
                                    MeetingCompliance.of(minimum,
                                            rulebook == null || rulebook.meetingMinimum() == null ? null : rulebook.meetingMinimum().rule(),
                                            counts.held(), counts.planned(), counts.cancelled(), counts.extra()),
                                    new NoticeCompliance(counts.noticesOnTime(), counts.noticesLate(), overdue,
                                            rulebook == null || rulebook.notice() == null ? null : rulebook.notice().rule()),
                                    everyState(states),
                                    new RevisionStatus(rulebook == null ? null : rulebook.nextRevisionDue(),
                                            rulebook != null && rulebook.pastRevision(today)),
                                    statusOf(county, today));
                        }))));
    }
}
