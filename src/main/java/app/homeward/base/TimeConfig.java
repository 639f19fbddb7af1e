package app.homeward.base;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now" for domain decisions (schedules, versions, reminders). Always UTC;
 * time zones are applied where a person's local time matters. Tests, and the development
 * tools page, move it through {@link AppClock}.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    AppClock clock() {
        return new AppClock();
    }
}
