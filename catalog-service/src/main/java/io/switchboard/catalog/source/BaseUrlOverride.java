package io.switchboard.catalog.source;

import io.switchboard.catalog.api.Provider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Points every provider at one server: {@code base_url} becomes a template with the provider slug filled in. The local
 * stack uses it to let the provider simulator (which serves {@code /<anything>/v1/chat/completions}) play every
 * provider while the shipped file keeps the real URLs.
 */
final class BaseUrlOverride {

    static final String PLACEHOLDER = "{provider}";

    private BaseUrlOverride() {
    }

    static List<Provider> apply(String template, List<Provider> providers) {
        return providers.stream().map(p -> withBaseUrl(p, template.replace(PLACEHOLDER, p.slug()))).toList();
    }

    /** Whether {@code template} is a usable override: it names the provider and yields absolute http(s) URLs. */
    static boolean isValidTemplate(String template) {
        return template.contains(PLACEHOLDER) && isAbsoluteHttpUrl(template.replace(PLACEHOLDER, "provider"));
    }

    static boolean isAbsoluteHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Provider withBaseUrl(Provider p, String baseUrl) {
        return new Provider(p.slug(), p.name(), p.wireFormat(), baseUrl, p.credentialEnv(), p.dataPolicy(),
                p.disabled());
    }
}
