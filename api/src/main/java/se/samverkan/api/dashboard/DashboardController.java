package se.samverkan.api.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;
import se.samverkan.api.compliance.ComplianceController;
import se.samverkan.api.compliance.ComplianceController.AgreementStatus;
import se.samverkan.api.compliance.ComplianceController.MatterStateCount;
import se.samverkan.api.compliance.ComplianceController.MeetingCompliance;
import se.samverkan.api.compliance.ComplianceController.RevisionStatus;
import se.samverkan.api.config.ClockConfig;
import se.samverkan.api.graphql.BadInputException;
import se.samverkan.api.structure.StructureRepository;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.Agreement;
import se.samverkan.domain.structure.Body;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.County;
import se.samverkan.domain.structure.Party;

/**
 * {@code dashboard(counties, year)}: the cross-county view of how every body keeps its own rulebook (LSVO-06, LSVO-08,
 * LSVO-29, PSVO-05, PSVO-06, NB-04, NB-07) and how the parties answer recommendations (LSVO-27, PSVO-09). The figures
 * come aggregated from PostgreSQL; this only arranges them by county and body.
 */
@Controller
class DashboardController {

    record Dashboard(int year, List<CountyDashboard> counties) {
    }

    record CountyDashboard(County county, List<BodyDashboard> bodies, List<PartyRecommendations> recommendationsByParty,
            List<AgreementStatus> agreements) {
    }

    record BodyDashboard(Body body, @Nullable String rulebookVersion, MeetingCompliance meetings,
            NoticeTimeliness notices, int decided, @Nullable Double medianDaysToDecision,
            List<MatterStateCount> mattersByState, List<DecisionCount> decisions, int recommendationsIssued,
            RevisionStatus revision) {
    }

    record NoticeTimeliness(int sent, int onTime, int late, @Nullable Double onTimeShare, @Nullable String rule) {

        static NoticeTimeliness of(int onTime, int late, @Nullable String rule) {
            int sent = onTime + late;
            return new NoticeTimeliness(sent, onTime, late, sent == 0 ? null : (double) onTime / sent, rule);
        }
    }

    record DecisionCount(@Nullable String category, String outcome, int count) {
    }

    record PartyRecommendations(Party party, int received, int adopted, int adoptedWithChanges, int declined,
            int pending) {
    }

    private final DashboardRepository repository;
    private final StructureRepository structure;
    private final Clock clock;

    DashboardController(DashboardRepository repository, StructureRepository structure, Clock clock) {
        this.repository = repository;
        this.structure = structure;
        this.clock = clock;
    }

    @QueryMapping
    Mono<Dashboard> dashboard(@Argument @Nullable List<String> counties, @Argument int year) {
        BadInputException.year(year);
        return counties(counties).flatMap(asked -> {
            List<String> codes = asked.stream().map(County::code).toList();
            LocalDate today = ClockConfig.today(clock);
            return Mono.zip(repository.bodies(codes, year), repository.mattersByState(codes, year),
                            repository.decisions(codes, year), repository.answersByParty(codes, year),
                            structure.agreementsByCounty(codes))
                    .flatMap(t -> {
                        Set<BodyId> bodyIds = t.getT1().stream().map(f -> new BodyId(f.body())).collect(Collectors.toSet());
                        Set<String> partyCodes = t.getT4().stream().map(DashboardRepository.PartyAnswers::party)
                                .collect(Collectors.toSet());
                        return Mono.zip(structure.bodiesById(bodyIds), structure.partiesByCode(partyCodes))
                                .map(named -> new Dashboard(year, asked.stream().map(county -> county(county,
                                        t.getT1(), t.getT2(), t.getT3(), t.getT4(),
                                        t.getT5().getOrDefault(county.code(), List.of()),
                                        named.getT1(), named.getT2(), today)).toList()));
                    });
        });
    }

    /** The counties asked for, by number; all of them when none are named. An unknown code is the caller's error. */
    private Mono<List<County>> counties(@Nullable List<String> codes) {
        if (codes == null) {
            return structure.counties().collectList();
        }
        Set<String> distinct = new LinkedHashSet<>(codes);
        return structure.countiesByCode(distinct).map(found -> {
            List<String> unknown = distinct.stream().filter(code -> !found.containsKey(code)).toList();
            if (!unknown.isEmpty()) {
                throw new BadInputException("counties", "'counties': no county " + unknown.stream()
                        .map(code -> "'" + code + "'").collect(Collectors.joining(", "))
                        + " (the codes are those of `counties { code }`, e.g. 'blekinge')");
            }
            return found.values().stream().sorted(Comparator.comparingInt(County::number)).toList();
        });
    }

    private static CountyDashboard county(County county, List<DashboardRepository.BodyFigures> figures,
            List<DashboardRepository.StateCount> states, List<DashboardRepository.DecisionCount> decisions,
            List<DashboardRepository.PartyAnswers> answers, List<Agreement> agreements,
            Map<BodyId, Body> bodies, Map<String, Party> parties, LocalDate today) {
        Map<UUID, Map<String, Integer>> statesByBody = states.stream().collect(Collectors.groupingBy(
                DashboardRepository.StateCount::body,
                Collectors.toMap(DashboardRepository.StateCount::state, DashboardRepository.StateCount::count)));
        Map<UUID, List<DecisionCount>> decisionsByBody = decisions.stream().collect(Collectors.groupingBy(
                DashboardRepository.DecisionCount::body,
                Collectors.mapping(d -> new DecisionCount(d.category(), d.outcome(), d.count()), Collectors.toList())));
        List<BodyDashboard> rows = figures.stream()
                .filter(f -> f.county().equals(county.code()))
                .map(f -> new BodyDashboard(bodies.get(new BodyId(f.body())), f.rulebookVersion(),
                        MeetingCompliance.of(f.minimum(), f.minimumRule(), f.held(), f.planned(), f.cancelled(), f.extra()),
                        NoticeTimeliness.of(f.noticesOnTime(), f.noticesLate(), f.noticeRule()),
                        f.decided(), f.medianDaysToDecision(),
                        ComplianceController.everyState(statesByBody.getOrDefault(f.body(), Map.of())),
                        decisionsByBody.getOrDefault(f.body(), List.of()), f.recommendationsIssued(),
                        new RevisionStatus(f.nextRevisionDue(), Rulebook.pastRevision(f.nextRevisionDue(), today))))
                .toList();
        List<PartyRecommendations> byParty = answers.stream()
                .filter(a -> a.county().equals(county.code()) && parties.containsKey(a.party()))
                .map(a -> new PartyRecommendations(parties.get(a.party()), a.received(), a.adopted(),
                        a.adoptedWithChanges(), a.declined(), a.received() - a.adopted() - a.adoptedWithChanges() - a.declined()))
                .sorted(Comparator.comparing((PartyRecommendations p) -> p.party().name()))
                .toList();
        return new CountyDashboard(county, rows, byParty, ComplianceController.statusOf(agreements, today));
    }
}
