package app.homeward;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every {@code homeward.*} setting is a validated {@code @ConfigurationProperties} record (decision 0034): a
 * bad value stops start-up, and what the operator reads names the property and says what is wrong. Only
 * the settings are started here (application.properties, no web server, no database), so it takes a second.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTest {

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("app.homeward")
    static class SettingsOnly {
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            homeward.base-url=localhost:8080        | homeward.base-url                  | must be an absolute http(s) URL
            homeward.base-url=ftp://example.org     | homeward.base-url                  | must be an absolute http(s) URL
            homeward.reminders.threads=0            | homeward.reminders.threads         | must be greater than or equal to 1
            homeward.reminders.polling=0s           | homeward.reminders.polling         | must be a positive duration
            homeward.reminders.run-budget=-5s       | homeward.reminders.run-budget      | must be a positive duration
            homeward.reminders.missed-heartbeats=3  | homeward.reminders.missed-heartbeats | must be greater than or equal to 4
            homeward.reminders.batch-size=0         | homeward.reminders.batch-size      | must be greater than or equal to 1
            homeward.mail.from=                     | homeward.mail.from                 | must not be blank
            homeward.mail.max-per-second=-1         | homeward.mail.max-per-second       | must be greater than or equal to 0
            homeward.operator.email=not-an-email    | homeward.operator.email            | must be a well-formed email address
            """)
    void a_bad_value_stops_start_up_naming_the_property(String setting, String property, String reason,
                                                        CapturedOutput output) {
        assertThatThrownBy(() -> start("--" + setting)).isNotNull();
        // Spring Boot's report: "Property: homeward.reminders.runBudget / Value: … / Origin: "homeward.reminders.run-budget"
        // from property source … / Reason: …", the origin being the name as the operator wrote it
        assertThat(output.getOut() + output.getErr()).contains("Origin: \"" + property + "\" from property source")
                .contains("Reason: " + reason);
    }

    @Test
    void the_shipped_defaults_are_valid() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.isActive()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--spring.main.banner-mode=off";
        all[1] = "--spring.main.register-shutdown-hook=false";
        System.arraycopy(args, 0, all, 2, args.length);
        return new SpringApplicationBuilder(SettingsOnly.class).web(WebApplicationType.NONE).run(all);
    }
}
