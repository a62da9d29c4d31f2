package io.switchboard.catalog.source;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the catalog comes from ({@code switchboard.catalog.*}).
 *
 * @param file Spring resource location of the catalog YAML; Helm mounts another file and points here with
 *        {@code file:/...}
 * @param baseUrlOverride when set, every provider's {@code base_url} becomes this template with {@code {provider}}
 *        replaced by the provider slug, for example {@code http://127.0.0.1:9000/{provider}/v1} to let the provider
 *        simulator play every provider; unset (or blank) in production, where the file's real URLs are used
 * @param allowBaseUrlOverride false to refuse to start with an override: the production profile sets it, so that a
 *        simulator address left in an environment cannot send production traffic anywhere but the real providers
 */
@ConfigurationProperties("switchboard.catalog")
public record CatalogProperties(@DefaultValue(CatalogProperties.DEFAULT_FILE) String file,
        @Nullable String baseUrlOverride, @DefaultValue("true") boolean allowBaseUrlOverride) {

    public static final String DEFAULT_FILE = "classpath:catalog/catalog.yaml";

    public CatalogProperties {
        if (baseUrlOverride != null && baseUrlOverride.isBlank()) {
            baseUrlOverride = null;
        }
        if (baseUrlOverride != null && !allowBaseUrlOverride) {
            throw new IllegalArgumentException("switchboard.catalog.base-url-override is set (" + baseUrlOverride
                    + ") but switchboard.catalog.allow-base-url-override is false (the production profile): "
                    + "production providers are reached at the catalog's own base URLs");
        }
        if (baseUrlOverride != null && !BaseUrlOverride.isValidTemplate(baseUrlOverride)) {
            throw new IllegalArgumentException("switchboard.catalog.base-url-override must be an absolute http(s) URL "
                    + "containing " + BaseUrlOverride.PLACEHOLDER + ", got " + baseUrlOverride);
        }
    }
}
