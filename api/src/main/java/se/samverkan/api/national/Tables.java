package se.samverkan.api.national;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import se.samverkan.api.national.BodyHistory.AgendaEntry;
import se.samverkan.api.national.BodyHistory.Attendance;
import se.samverkan.api.national.BodyHistory.DecisionPlan;
import se.samverkan.api.national.BodyHistory.MatterPlan;
import se.samverkan.api.national.BodyHistory.MeetingPlan;
import se.samverkan.api.national.BodyHistory.MinutesItem;
import se.samverkan.api.national.BodyHistory.MinutesPlan;
import se.samverkan.api.national.NationalStructure.GenBody;
import se.samverkan.api.national.NationalStructure.GenCounty;
import se.samverkan.api.national.NationalStructure.GenPerson;
import se.samverkan.api.national.NationalStructure.GenSeat;
import se.samverkan.domain.decision.Snapshot;
import se.samverkan.domain.minutes.MinutesHash;
import se.samverkan.domain.rulebook.Rulebook;
import se.samverkan.domain.structure.Agreement;
import se.samverkan.domain.structure.Appointment;
import se.samverkan.domain.structure.BodyRelation;
import se.samverkan.domain.structure.Committee;
import se.samverkan.domain.structure.Party;
import se.samverkan.domain.structure.PartyId;
import se.samverkan.domain.structure.SeatId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Each table's columns and rows, as the migrations define them (V1..V14) and the service's repositories read them. JSON
 * columns are written by the service's own {@link JsonMapper}, from the same domain types it reads them into.
 */
final class Tables {

    /** One table of the activity: its name, columns, and what one body's history contributes. */
    record Activity(String table, String columns, Rows rows) {
    }

    interface Rows {
        void write(BodyHistory history, CopyStream out);
    }

    /** The order the activity tables are loaded in (each in a pass of its own over the bodies). */
    final List<Activity> activity;

    private final JsonMapper json;
    private final NationalStructure structure;

    Tables(JsonMapper json, NationalStructure structure) {
        this.json = json;
        this.structure = structure;
        this.activity = List.of(
                new Activity("meeting", "id, body_id, kind, starts_at, location, state, preparation_for, scheduled_by, "
                        + "scheduled_at, cancelled_by, cancelled_at, cancel_reason, version", this::meetings),
                new Activity("notice", "meeting_id, sent_at, sent_on, sent_by, due_on, rule, agenda", this::notices),
                new Activity("matter", "id, body_id, title, description, type, decision_category, subject_areas, state, "
                        + "submitted_by, submitted_at, documents_complete_on, meeting_id, agenda_position, prepared, anchored, "
                        + "admitted_late_by, complement_request, state_note, forwarded_from, version, amends_agreement",
                        this::matters),
                new Activity("document", "id, matter_id, name, media_type, content, sha256, size, uploaded_by, uploaded_at",
                        this::documents),
                new Activity("attendance", "meeting_id, seat_id, status, substitute_person, recorded_by, recorded_at",
                        this::attendance),
                new Activity("declaration", "matter_id, seat_id, person_id, position, channel, conveyed_by, text, "
                        + "recorded_by, declared_at", this::declarations),
                new Activity("decision", "id, matter_id, meeting_id, text, outcome, supporting, not_supporting, rule, "
                        + "snapshot, decided_by, decided_at, amends_agreement, body_id", this::decisions),
                new Activity("recommendation", "id, decision_id, body_id, text, rule, issued_by, issued_at",
                        this::recommendations),
                new Activity("recommendation_recipient", "recommendation_id, committee_id, party_code", this::recipients),
                new Activity("recommendation_answer", "id, recommendation_id, committee_id, party_code, answer, text, "
                        + "answered_on, state, written_by, updated_at, sent_at, version", this::answers),
                new Activity("minutes", "id, meeting_id, body_id, version, corrects, content, signatories, state, "
                        + "content_hash, previous_hash, signed_at, published_at, drafted_by, updated_at, row_version",
                        this::minutes),
                new Activity("minutes_signature", "minutes_id, person_id, kind, side, act, signed_at", this::signatures),
                new Activity("minutes_item", "minutes_id, actual_position, planned_position, kind, matter_id, title, outcome",
                        this::minutesItems),
                new Activity("inbox_item", "id, committee_id, party_code, kind, minutes_id, recommendation_id, from_body, "
                        + "title, rule, arrived_at", this::inboxItems),
                new Activity("inbox_handling", "item_id, party_code, note, handled_by, handled_at", this::handling));
    }

    // ---------------------------------------------------------------------------------------------- structure

    /** The structure tables, in one pass each; they are small. */
    List<Structure> structure() {
        return List.of(
                new Structure("county", "code, number, name", out -> {
                    for (GenCounty c : structure.counties) {
                        out.text(c.county.code()).integer(c.county.number()).text(c.county.name()).row();
                    }
                }),
                new Structure("party", "id, code, county_code, name, kind, organisation_number, valid_from, valid_to, "
                        + "successor_id, former_names", out -> {
                    for (GenCounty c : structure.counties) {
                        for (Party p : c.parties) {
                            out.uuid(p.id().value()).text(p.code()).text(p.countyCode()).text(p.name()).text(p.kind().name())
                                    .text(p.organisationNumber()).date(p.validity().from()).date(p.validity().to()).nul()
                                    .text(json.writeValueAsString(p.formerNames())).row();
                        }
                    }
                }),
                new Structure("committee", "id, party_id, code, name, kind, subject_areas, valid_from, valid_to", out -> {
                    for (GenCounty c : structure.counties) {
                        for (List<Committee> committees : c.committees.values()) {
                            for (Committee x : committees) {
                                out.uuid(x.id().value()).uuid(x.party().value()).text(x.code()).text(x.name())
                                        .text(x.kind().name()).texts(x.subjectAreas()).date(x.validity().from())
                                        .date(x.validity().to()).row();
                            }
                        }
                    }
                }),
                new Structure("body", "id, county_code, short_name, name, kind, level, binds_parties, description, "
                        + "owner_party_id, valid_from, valid_to", out -> {
                    for (GenBody b : structure.bodies()) {
                        var x = b.body();
                        out.uuid(x.id().value()).text(x.countyCode()).text(x.shortName()).text(x.name()).text(x.kind().name())
                                .text(x.level().name()).bool(x.bindsParties()).text(x.description())
                                .uuid(x.ownerParty() == null ? null : x.ownerParty().value()).date(x.validity().from())
                                .date(x.validity().to()).row();
                    }
                }),
                // from_file false: the structure import removes only the relations and appointments its files made
                new Structure("body_relation", "from_body_id, kind, to_body_id, rule, valid_from, valid_to, from_file", out -> {
                    for (BodyRelation r : structure.relations) {
                        out.uuid(r.from().value()).text(r.kind().name()).uuid(r.to().value()).text(r.rule())
                                .date(r.validity().from()).date(r.validity().to()).bool(false).row();
                    }
                }),
                new Structure("rulebook", "id, body_id, version, in_force_from, decided_on, decided_by, next_revision_due, "
                        + "source, document", out -> {
                    for (GenBody b : structure.bodies()) {
                        for (Rulebook r : b.rulebooks()) {
                            out.uuid(r.id().value()).uuid(r.body().value()).text(r.version()).date(r.inForceFrom())
                                    .date(r.decidedOn()).text(r.decidedBy()).date(r.nextRevisionDue()).text(r.source())
                                    .text(rulebookJson(r)).row();
                        }
                    }
                }),
                new Structure("seat", "id, body_id, key, party_id, external_organisation, function, title, role, "
                        + "subject_areas, decision_mandate, committee_id, valid_from, valid_to", out -> {
                    for (GenBody b : structure.bodies()) {
                        for (GenSeat g : b.seats()) {
                            var s = g.seat();
                            out.uuid(s.id().value()).uuid(s.body().value()).text(s.key())
                                    .uuid(s.party() == null ? null : s.party().value()).text(s.externalOrganisation())
                                    .text(s.function()).text(s.title()).text(s.role().name()).texts(s.subjectAreas())
                                    .bool(s.decisionMandate()).uuid(s.committee() == null ? null : s.committee().value())
                                    .date(s.validity().from()).date(s.validity().to()).row();
                        }
                    }
                }),
                new Structure("person", "id, name, username, party_code, login_roles", out -> {
                    for (GenPerson p : structure.people.values()) {
                        out.uuid(p.person().id().value()).text(p.person().name()).text(p.person().username())
                                .text(p.person().partyCode()).texts(p.roles()).row();
                    }
                }),
                new Structure("appointment", "id, person_id, seat_id, valid_from, valid_to, from_file", out -> {
                    for (Appointment a : structure.appointments) {
                        out.uuid(a.id().value()).uuid(a.person().value()).uuid(a.seat().value()).date(a.period().from())
                                .date(a.period().to()).bool(false).row();
                    }
                }),
                new Structure("agreement", "id, county_code, name, case_number, in_force_from, validity_years, "
                        + "amendment_rule, rules", out -> {
                    for (Agreement a : structure.agreements) {
                        out.uuid(a.id().value()).text(a.countyCode()).text(a.name()).text(a.caseNumber())
                                .date(a.inForceFrom()).integer(a.validityYears()).text(a.amendmentRule().name())
                                .texts(a.rules()).row();
                    }
                }),
                new Structure("agreement_party", "agreement_id, party_id, position", out -> {
                    for (Agreement a : structure.agreements) {
                        for (int i = 0; i < a.foundingParties().size(); i++) {
                            out.uuid(a.id().value()).uuid(a.foundingParties().get(i).value()).integer(i).row();
                        }
                    }
                }));
    }

    record Structure(String table, String columns, StructureRows rows) {
    }

    interface StructureRows {
        void write(CopyStream out);
    }

    /**
     * The rulebook as the structure import stores it, with the arrays that come from sets (actors, channels) sorted:
     * a set's order differs from one JVM to the next, and the same seed must give the same database.
     */
    private String rulebookJson(Rulebook rulebook) {
        JsonNode tree = json.valueToTree(rulebook);
        sortSets(tree);
        return json.writeValueAsString(tree);
    }

    private static final Set<String> SETS = Set.of("submittedBy", "complementRequestedBy", "lateMatterAdmittedBy",
            "channels", "postponedBy", "cancelledBy");

    private static void sortSets(JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getValue().isArray() && SETS.contains(field.getKey())) {
                    ArrayNode array = (ArrayNode) field.getValue();
                    List<JsonNode> values = new ArrayList<>();
                    array.forEach(values::add);
                    values.sort(java.util.Comparator.comparing(JsonNode::toString));
                    array.removeAll();
                    array.addAll(values);
                }
                sortSets(field.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(Tables::sortSets);
        }
    }

    // ----------------------------------------------------------------------------------------------- activity

    private void meetings(BodyHistory h, CopyStream out) {
        for (MeetingPlan m : h.meetings) {
            int version = switch (m.state) {
                case PLANNED -> 0;
                case NOTICE_SENT -> 1;
                case HELD -> m.notice == null ? 1 : 2;
                case CANCELLED -> m.notice == null ? 1 : 2;
            };
            out.uuid(m.id).uuid(m.body).text(m.kind.name()).timestamp(m.startsAt).text(m.location).text(m.state.name())
                    .uuid(m.preparationFor).text(m.scheduledBy).timestamp(m.scheduledAt)
                    .text(m.cancel == null ? null : m.cancel.by()).timestamp(m.cancel == null ? null : m.cancel.at())
                    .text(m.cancel == null ? null : m.cancel.reason()).integer(version).row();
        }
    }

    private void notices(BodyHistory h, CopyStream out) {
        for (MeetingPlan m : h.meetings) {
            if (m.notice == null) {
                continue;
            }
            List<Map<String, Object>> agenda = new ArrayList<>();
            for (AgendaEntry e : m.agenda) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("position", e.position());
                item.put("kind", e.kind());
                if (e.matter() != null) {
                    item.put("matter", e.matter().id.toString());
                }
                if (e.minutes() != null) {
                    item.put("minutes", e.minutes().toString());
                }
                item.put("title", e.title());
                if (e.matter() != null) {
                    item.put("type", e.matter().type.name());
                    if (e.matter().category != null) {
                        item.put("decisionCategory", e.matter().category.name());
                    }
                }
                if (e.rule() != null) {
                    item.put("rule", e.rule());
                }
                agenda.add(item);
            }
            out.uuid(m.id).timestamp(m.notice.sentAt()).date(m.notice.sentOn()).text(m.notice.sentBy())
                    .date(m.notice.dueOn()).text(m.notice.rule()).text(json.writeValueAsString(agenda)).row();
        }
    }

    private void matters(BodyHistory h, CopyStream out) {
        for (MatterPlan m : h.matters) {
            out.uuid(m.id).uuid(m.body).text(m.title).text(m.description).text(m.type.name())
                    .text(m.category == null ? null : m.category.name()).texts(m.areas).text(m.state.name())
                    .text(m.submittedBy).timestamp(m.submittedAt).date(m.documentsCompleteOn)
                    .uuid(m.meeting == null ? null : m.meeting.id).integer(m.agendaPosition).bool(m.prepared)
                    .bool(m.anchored).text(m.admittedLateBy).text(m.complementRequest).text(m.stateNote)
                    .uuid(m.forwardedFrom).integer(0).uuid(m.amendsAgreement).row();
        }
    }

    private void documents(BodyHistory h, CopyStream out) {
        for (MatterPlan m : h.matters) {
            for (BodyHistory.DocumentPlan d : m.documents) {
                out.uuid(d.id()).uuid(m.id).text(d.name()).text(d.mediaType()).bytes(d.content()).text(sha256(d.content()))
                        .integer(d.content().length).text(d.uploadedBy()).timestamp(d.uploadedAt()).row();
            }
        }
    }

    private void attendance(BodyHistory h, CopyStream out) {
        for (MeetingPlan m : h.meetings) {
            for (Attendance a : m.attendance) {
                out.uuid(m.id).uuid(a.seat().seat().id().value()).text(a.status())
                        .uuid(a.substitute() == null ? null : a.substitute().value()).text(m.recordedBy)
                        .timestamp(m.startsAt.plusSeconds(300)).row();
            }
        }
    }

    private void declarations(BodyHistory h, CopyStream out) {
        for (MatterPlan m : h.matters) {
            for (BodyHistory.DeclarationPlan d : m.declarations) {
                out.uuid(m.id).uuid(d.seat().seat().id().value()).uuid(d.person().value()).text(d.position().name())
                        .text(d.channel().name()).uuid(d.conveyedBy() == null ? null : d.conveyedBy().seat().id().value())
                        .text(d.text()).text(d.recordedBy()).timestamp(d.declaredAt()).row();
            }
        }
    }

    private void decisions(BodyHistory h, CopyStream out) {
        Map<SeatId, String> titles = new LinkedHashMap<>();
        h.body.seats().forEach(s -> titles.put(s.seat().id(), s.seat().title()));
        Map<PartyId, String> codes = new LinkedHashMap<>();
        h.body.county().parties.forEach(p -> codes.put(p.id(), p.code()));
        for (MatterPlan m : h.matters) {
            DecisionPlan d = m.decision;
            if (d == null) {
                continue;
            }
            String snapshot = json.writeValueAsString(Snapshot.of(d.entitled(), d.present(), d.declared(), titles::get,
                    codes::get));
            out.uuid(d.id()).uuid(m.id).uuid(java.util.Objects.requireNonNull(m.meeting).id).text(d.text())
                    .text(d.outcome().kind().name()).texts(d.supporting()).texts(d.notSupporting()).text(d.rule())
                    .text(snapshot).text(d.decidedBy()).timestamp(d.decidedAt()).uuid(d.amends())
                    .uuid(h.body.body().id().value()).row();
        }
    }

    private void recommendations(BodyHistory h, CopyStream out) {
        for (BodyHistory.RecommendationPlan r : h.recommendations) {
            out.uuid(r.id()).uuid(r.decision()).uuid(h.body.body().id().value()).text(r.text()).text(r.rule())
                    .text(r.issuedBy()).timestamp(r.issuedAt()).row();
        }
    }

    private void recipients(BodyHistory h, CopyStream out) {
        for (BodyHistory.RecommendationPlan r : h.recommendations) {
            for (BodyHistory.RecipientPlan x : r.recipients()) {
                out.uuid(r.id()).uuid(x.committee()).text(x.party()).row();
            }
        }
    }

    private void answers(BodyHistory h, CopyStream out) {
        for (BodyHistory.RecommendationPlan r : h.recommendations) {
            for (BodyHistory.RecipientPlan x : r.recipients()) {
                BodyHistory.AnswerPlan a = x.answer();
                if (a != null) {
                    out.uuid(a.id()).uuid(r.id()).uuid(x.committee()).text(x.party()).text(a.answer()).text(a.text())
                            .date(a.answeredOn()).text(a.state()).text(a.writtenBy()).timestamp(a.updatedAt())
                            .timestamp(a.sentAt()).integer(a.state().equals("SENT") ? 1 : 0).row();
                }
            }
        }
    }

    /** How minutes store who was chosen to sign: as the service's own minutes repository writes it. */
    private record StoredSignatory(String person, String kind, @Nullable String side) {
    }

    /** The body's minutes in meeting order; each signed version's hash chains to the previous signed one (IMP-02). */
    private void minutes(BodyHistory h, CopyStream out) {
        String previous = null;
        for (MeetingPlan m : h.meetings) {
            MinutesPlan x = m.minutes;
            if (x == null) {
                continue;
            }
            String content = content(h, m, x);
            String hash = x.signed ? MinutesHash.of(content, previous) : null;
            String signatories = json.writeValueAsString(x.signatories.stream().map(s -> new StoredSignatory(
                    s.person().toString(), s.kind().name(), s.side() == null ? null : s.side().name())).toList());
            out.uuid(x.id).uuid(m.id).uuid(m.body).integer(1).nul().text(content).text(signatories)
                    .text(x.signed ? "SIGNED" : "DRAFT").text(hash).text(x.signed ? previous : null).timestamp(x.signedAt)
                    .timestamp(x.publishedAt).text(x.draftedBy).timestamp(x.signed ? x.signedAt : x.draftedAt)
                    .integer(x.signed ? 1 : 0).row();
            if (x.signed) {
                previous = hash;
            }
        }
    }

    /** The minutes' text, as the service drafts it: who attended, and every item with its decision. */
    private String content(BodyHistory h, MeetingPlan m, MinutesPlan x) {
        StringBuilder text = new StringBuilder(1024);
        text.append("Protokoll ").append(h.body.body().shortName()).append(" — ").append(h.body.body().name()).append('\n')
                .append("Tid: ").append(LocalDateTime.ofInstant(m.startsAt, BodyHistory.ZONE)).append('\n')
                .append("Plats: ").append(m.location).append("\n\nNärvaro:\n");
        for (Attendance a : m.attendance) {
            var person = a.substitute() != null ? a.substitute() : a.seat().holder(m.date);
            GenPerson p = person == null ? null : structure.people.get(person);
            text.append("- ").append(p == null ? "(vakant)" : p.person().name()).append(", ").append(a.seat().seat().title())
                    .append(": ").append(a.status()).append('\n');
        }
        text.append("\nÄrenden:\n");
        Map<java.util.UUID, MatterPlan> matters = new LinkedHashMap<>();
        m.agenda.forEach(e -> {
            if (e.matter() != null) {
                matters.put(e.matter().id, e.matter());
            }
        });
        List<MinutesItem> notDealtWith = new ArrayList<>();
        for (MinutesItem item : x.items) {
            if (item.actual() == null) {
                notDealtWith.add(item);
                continue;
            }
            text.append("§ ").append(item.actual()).append(' ').append(item.title());
            if (item.planned() != item.actual()) {
                text.append(" (dagordningens punkt ").append(item.planned()).append(')');
            }
            MatterPlan matter = item.matter() == null ? null : matters.get(item.matter());
            if (matter != null && matter.decision != null) {
                DecisionPlan d = matter.decision;
                text.append("\n  Beslut: ").append(d.text())
                        .append(d.notSupporting().isEmpty() ? "" : " (ej: " + String.join(", ", d.notSupporting()) + ")")
                        .append(" — ").append(item.outcome());
            } else if (item.outcome() != null) {
                text.append(" (").append(item.outcome()).append(')');
            }
            text.append('\n');
        }
        if (!notDealtWith.isEmpty()) {
            text.append("\nEj behandlade:\n");
            notDealtWith.forEach(i -> text.append("- dagordningens punkt ").append(i.planned()).append(' ').append(i.title())
                    .append(" (").append(i.outcome()).append(")\n"));
        }
        return text.toString();
    }

    private void signatures(BodyHistory h, CopyStream out) {
        for (MeetingPlan m : h.meetings) {
            if (m.minutes == null) {
                continue;
            }
            for (BodyHistory.Signature s : m.minutes.signatures) {
                out.uuid(m.minutes.id).uuid(s.person().value()).text(s.filled().kind().name())
                        .text(s.filled().side() == null ? null : s.filled().side().name()).text(s.filled().act().name())
                        .timestamp(s.at()).row();
            }
        }
    }

    private void minutesItems(BodyHistory h, CopyStream out) {
        for (MeetingPlan m : h.meetings) {
            if (m.minutes == null) {
                continue;
            }
            for (MinutesItem i : m.minutes.items) {
                out.uuid(m.minutes.id).integer(i.actual()).integer(i.planned()).text(i.kind()).uuid(i.matter())
                        .text(i.title()).text(i.outcome()).row();
            }
        }
    }

    private void inboxItems(BodyHistory h, CopyStream out) {
        for (BodyHistory.InboxPlan i : h.inbox) {
            out.uuid(i.id()).uuid(i.committee()).text(i.party()).text(i.kind()).uuid(i.minutes()).uuid(i.recommendation())
                    .uuid(i.fromBody()).text(i.title()).text(i.rule()).timestamp(i.arrivedAt()).row();
        }
    }

    private void handling(BodyHistory h, CopyStream out) {
        for (BodyHistory.InboxPlan i : h.inbox) {
            if (i.handledAt() != null) {
                out.uuid(i.id()).text(i.party()).text(i.note()).text(i.handledBy()).timestamp(i.handledAt()).row();
            }
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
