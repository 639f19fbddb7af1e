package app.homeward.homework;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who was emailed about safety alerts, and when: the reminder feature sends those emails (it depends on
 * this feature, not the other way round) and answers through this interface, so the alerts page can say
 * "Dana Okafor, 14:02; still open: Alex Morgan, 18:02".
 */
public interface AlertNotices {

    /** The emails that went out about these alerts, by alert id, oldest first; alerts with none are left out. */
    Map<UUID, List<AlertSummary.Told>> told(Collection<UUID> alertIds);
}
