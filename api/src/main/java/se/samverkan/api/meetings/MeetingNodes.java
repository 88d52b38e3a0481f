package se.samverkan.api.meetings;

import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import se.samverkan.api.graphql.NodeFetcher;

/** {@code node(id)} for meetings. */
@Component
class MeetingNodes implements NodeFetcher {

    private final MeetingRepository meetings;

    MeetingNodes(MeetingRepository meetings) {
        this.meetings = meetings;
    }

    @Override
    public String type() {
        return "Meeting";
    }

    @Override
    public Mono<?> fetch(UUID id) {
        return meetings.byId(id);
    }
}
