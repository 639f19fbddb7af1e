package app.homeward.base;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code homeward.base-url} ({@code HOMEWARD_BASE_URL}): the public address of Homeward, the start of every
 * link in an email and the host of reminders' Message-IDs. It must be absolute: a relative link in an
 * email leads nowhere, and a typo here would otherwise show only when the first email went out.
 */
@ConfigurationProperties("homeward")
@Validated
public record LinkProperties(
        @NotBlank
        @Pattern(regexp = "https?://[^\\s/?#]+([/?#]\\S*)?",
                message = "must be an absolute http(s) URL such as https://homeward.example.org")
        String baseUrl) {
}
