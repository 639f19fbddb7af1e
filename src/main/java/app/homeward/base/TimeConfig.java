package app.homeward.base;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The one source of "now" for domain decisions (schedules, versions, reminders). Always UTC;
 * time zones are applied where a person's local time matters. Tests replace it to move time.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
