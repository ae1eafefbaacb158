package io.tributary.server.service;

import io.tributary.schedules.ConnectionSchedules;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts this node's scheduler in standby as the first thing when the service stops. The sync
 * executor stops taking tasks early in the shutdown, before the scheduler bean is closed, so a
 * schedule or retry firing in between would start an attempt that cannot run; in standby the
 * trigger waits in the store for another node or the next start.
 */
@Component
class SchedulerStandbyOnClose implements ApplicationListener<ContextClosedEvent>, Ordered {

    private final ConnectionSchedules schedules;

    SchedulerStandbyOnClose(ConnectionSchedules schedules) {
        this.schedules = schedules;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        schedules.standby();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
