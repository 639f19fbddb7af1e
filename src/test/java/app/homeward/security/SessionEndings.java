package app.homeward.security;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every {@link SessionEnded} the application publishes, as a listener in another feature (the audit
 * trail) would receive it. A test component: the same bean in every test's context, so no second context.
 */
@Component
public class SessionEndings {

    private final List<SessionEnded> ended = new CopyOnWriteArrayList<>();

    @EventListener
    void on(SessionEnded event) {
        ended.add(event);
    }

    /** The sessions of this account that ended, oldest first. */
    public List<SessionEnded> of(UUID accountId) {
        return ended.stream().filter(e -> e.accountId().equals(accountId)).toList();
    }
}
