package io.switchboard.gateway.hygiene;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin access from browsers ({@code switchboard.gateway.cors.*}); off unless origins are listed.
 *
 * @param allowedOrigins origins (or patterns such as {@code https://*.example.com}) allowed to call the API; empty
 *        turns CORS handling off, so browsers refuse cross-origin calls
 * @param allowedMethods methods allowed cross-origin
 * @param allowedHeaders request headers allowed cross-origin
 * @param exposedHeaders response headers a browser script may read
 * @param allowCredentials whether cookies may be sent (API keys are bearer tokens; normally false)
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("switchboard.gateway.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins,
        @DefaultValue( {
                "GET", "POST", "PATCH", "DELETE"}) List<String> allowedMethods,
        @DefaultValue({"Authorization", "Content-Type", "HTTP-Referer", "X-Title"}) List<String> allowedHeaders,
        @DefaultValue({"X-Request-Id", "X-Generation-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining",
                "X-RateLimit-Reset", "Retry-After"}) List<String> exposedHeaders,
        @DefaultValue("false") boolean allowCredentials, @DefaultValue("1h") Duration maxAge){

    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }
}
