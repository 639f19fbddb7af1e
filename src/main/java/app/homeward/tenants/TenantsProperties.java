package app.homeward.tenants;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * {@code homeward.tenants.*}: the declarative clinic definitions imported at start-up.
 *
 * @param enabled   {@code homeward.tenants.import} ({@code HOMEWARD_TENANTS_IMPORT}): import them at all (on in
 *                  the default profile, off on {@code mysql})
 * @param directory {@code HOMEWARD_TENANTS_DIR}: where the {@code *.yaml} files are, relative to the working
 *                  directory unless absolute
 */
@ConfigurationProperties("homeward.tenants")
@Validated
record TenantsProperties(@Name("import") @DefaultValue("false") boolean enabled,
                         @DefaultValue("tenants") @NotNull Path directory) {
}
