package se.samverkan.api.recommendations;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import se.samverkan.domain.structure.BodyId;
import se.samverkan.domain.structure.CommitteeId;

/**
 * Recommendations and answers. Answers are read and written only inside a tenant transaction
 * ({@link se.samverkan.api.tenant.TenantTransactions}); row-level security decides which rows exist for the caller.
 */
@Repository
class RecommendationRepository {

    private static final String REC = "SELECT id, decision_id, body_id, text, rule, issued_at FROM recommendation\s";
    private static final String ANSWER = """
            SELECT id, recommendation_id, committee_id, party_code, answer, text, answered_on, state, sent_at, version
            FROM recommendation_answer\s""";

    record Recipient(UUID recommendation, CommitteeId committee, String partyCode) {
    }

    private final DatabaseClient db;

    RecommendationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Recommendation> insert(Recommendation r, String by, List<Recipient> recipients) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO recommendation (id, decision_id, body_id, text, rule, issued_by)
                VALUES (:id, :decision, :body, :text, :rule, :by)""")
                .bind("id", r.id()).bind("decision", r.decision()).bind("body", r.body().value()).bind("text", r.text())
                .bind("by", by);
        spec = r.rule() == null ? spec.bindNull("rule", String.class) : spec.bind("rule", r.rule());
        return spec.fetch().rowsUpdated()
                .thenMany(reactor.core.publisher.Flux.fromIterable(recipients).concatMap(x -> db.sql("""
                        INSERT INTO recommendation_recipient (recommendation_id, committee_id, party_code)
                        VALUES (:r, :c, :p)""").bind("r", x.recommendation()).bind("c", x.committee().value())
                        .bind("p", x.partyCode()).fetch().rowsUpdated()))
                .then(Mono.just(r));
    }

    /** A decision's body, outcome and committees' parties: what issuing a recommendation needs to know. */
    record DecisionFacts(UUID decision, BodyId body, String outcome) {
    }

    Mono<DecisionFacts> decision(UUID id) {
        return db.sql("SELECT d.id, m.body_id, d.outcome FROM decision d JOIN matter m ON m.id = d.matter_id WHERE d.id = :id")
                .bind("id", id)
                .map(r -> new DecisionFacts(r.get("id", UUID.class), new BodyId(r.get("body_id", UUID.class)),
                        r.get("outcome", String.class))).one();
    }

    Mono<Map<UUID, Recommendation>> byIds(Collection<UUID> ids) {
        return db.sql(REC + "WHERE id = ANY(:ids)").bind("ids", ids.toArray(UUID[]::new))
                .map(RecommendationRepository::recommendation).all().collectMap(Recommendation::id);
    }

    Mono<Map<UUID, List<Recommendation>>> ofDecisions(Collection<UUID> decisions) {
        return db.sql(REC + "WHERE decision_id = ANY(:ids) ORDER BY issued_at").bind("ids", decisions.toArray(UUID[]::new))
                .map(RecommendationRepository::recommendation).all().collectMultimap(Recommendation::decision)
                .map(RecommendationRepository::lists);
    }

    /** The recommendations sent to the given committees, newest first, by committee. */
    Mono<Map<CommitteeId, List<Recommendation>>> toCommittees(Collection<CommitteeId> committees) {
        return db.sql("""
                SELECT r.id, r.decision_id, r.body_id, r.text, r.rule, r.issued_at, x.committee_id
                FROM recommendation r JOIN recommendation_recipient x ON x.recommendation_id = r.id
                WHERE x.committee_id = ANY(:ids) ORDER BY r.issued_at DESC, r.id""")
                .bind("ids", committees.stream().map(CommitteeId::value).toArray(UUID[]::new))
                .map(r -> Map.entry(new CommitteeId(r.get("committee_id", UUID.class)), recommendation(r))).all()
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue).map(RecommendationRepository::lists);
    }

    Mono<Map<UUID, List<Recipient>>> recipientsOf(Collection<UUID> recommendations) {
        return db.sql("SELECT recommendation_id, committee_id, party_code FROM recommendation_recipient WHERE recommendation_id = ANY(:ids)")
                .bind("ids", recommendations.toArray(UUID[]::new))
                .map(r -> new Recipient(r.get("recommendation_id", UUID.class), new CommitteeId(r.get("committee_id", UUID.class)),
                        r.get("party_code", String.class)))
                .all().collectMultimap(Recipient::recommendation).map(RecommendationRepository::lists);
    }

    /** The answers row-level security lets the transaction's party see. Call inside a tenant transaction. */
    Mono<Map<UUID, List<RecommendationAnswer>>> answersOf(Collection<UUID> recommendations) {
        return db.sql(ANSWER + "WHERE recommendation_id = ANY(:ids) ORDER BY party_code, committee_id")
                .bind("ids", recommendations.toArray(UUID[]::new))
                .map(RecommendationRepository::answerRow).all().collectMultimap(RecommendationAnswer::recommendation)
                .map(RecommendationRepository::lists);
    }

    /** One answer by id, if row-level security lets the transaction's party see it. Call inside a tenant transaction. */
    Mono<RecommendationAnswer> answer(UUID id) {
        return db.sql(ANSWER + "WHERE id = :id").bind("id", id).map(RecommendationRepository::answerRow).one();
    }

    Mono<RecommendationAnswer> answerFor(UUID recommendation, CommitteeId committee) {
        return db.sql(ANSWER + "WHERE recommendation_id = :r AND committee_id = :c").bind("r", recommendation)
                .bind("c", committee.value()).map(RecommendationRepository::answerRow).one();
    }

    /** Writes an answer; row-level security refuses another party's row or a sent one (no row changes). */
    Mono<Long> upsertAnswer(RecommendationAnswer a, String by) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                INSERT INTO recommendation_answer (id, recommendation_id, committee_id, party_code, answer, text,
                                                   answered_on, state, written_by, sent_at)
                VALUES (:id, :rec, :committee, :party, :answer, :text, :on, :state, :by,
                        CASE WHEN :state = 'SENT' THEN now() END)
                ON CONFLICT (recommendation_id, committee_id) DO UPDATE SET answer = excluded.answer, text = excluded.text,
                    answered_on = excluded.answered_on, state = excluded.state, written_by = excluded.written_by,
                    sent_at = excluded.sent_at, updated_at = now(), version = recommendation_answer.version + 1
                WHERE recommendation_answer.state = 'DRAFT'""")
                .bind("id", a.id()).bind("rec", a.recommendation()).bind("committee", a.committee().value())
                .bind("party", a.partyCode()).bind("answer", a.answer()).bind("on", a.answeredOn())
                .bind("state", a.state()).bind("by", by);
        spec = a.text() == null ? spec.bindNull("text", String.class) : spec.bind("text", a.text());
        return spec.fetch().rowsUpdated();
    }

    private static Recommendation recommendation(io.r2dbc.spi.Readable r) {
        return new Recommendation(r.get("id", UUID.class), r.get("decision_id", UUID.class),
                new BodyId(r.get("body_id", UUID.class)), r.get("text", String.class), r.get("rule", String.class),
                Objects.requireNonNull(r.get("issued_at", OffsetDateTime.class)).toInstant());
    }

    private static RecommendationAnswer answerRow(io.r2dbc.spi.Readable r) {
        @Nullable OffsetDateTime sent = r.get("sent_at", OffsetDateTime.class);
        return new RecommendationAnswer(r.get("id", UUID.class), r.get("recommendation_id", UUID.class),
                new CommitteeId(r.get("committee_id", UUID.class)), r.get("party_code", String.class),
                r.get("answer", String.class), r.get("text", String.class), r.get("answered_on", LocalDate.class),
                r.get("state", String.class), sent == null ? null : sent.toInstant(), r.get("version", Integer.class));
    }

    private static <K, V> Map<K, List<V>> lists(Map<K, Collection<V>> m) {
        return m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }
}
