package se.samverkan.api.meetings;

import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.samverkan.api.graphql.NodeFetcher;

/** {@code node(id)} for meetings. */
@Component
class MeetingNodes implements NodeFetcher {

    private final MeetingRepository meetings;
    private final MeetingController controller;

    MeetingNodes(MeetingRepository meetings, MeetingController controller) {
        this.meetings = meetings;
        this.controller = controller;
    }

    @Override
    public String type() {
        return "Meeting";
    }

    @Override
    public Mono<?> fetch(UUID id) {
        return meetings.byId(id).flatMap(m -> controller.visible(java.util.List.of(m)))
                .flatMap(l -> Mono.justOrEmpty(l.stream().findFirst()));
    }

    @Override
    public Mono<java.util.Map<UUID, Object>> fetchAll(java.util.Collection<UUID> ids) {
        return meetings.byIds(ids).flatMap(found -> controller.visible(java.util.List.copyOf(found.values())))
                .map(seen -> seen.stream().collect(java.util.stream.Collectors.toMap(m -> m.id(), m -> (Object) m)));
    }
}
