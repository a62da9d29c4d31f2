package io.switchboard.gateway.hygiene;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What a request body may be ({@code switchboard.gateway.request.*}).
 *
 * @param maxBodySize largest request body; larger ones get 413 before they are read further (a chat request with
 *        base64 images is the largest legitimate body)
 * @param maxJsonDepth deepest nesting of objects and arrays in a JSON body; deeper ones get 400
 */
@ConfigurationProperties("switchboard.gateway.request")
public record RequestProperties(@DefaultValue("10MB") DataSize maxBodySize, @DefaultValue("100") int maxJsonDepth) {

    public RequestProperties {
        if (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("max-body-size must be between 1KB and 2GB");
        }
        if (maxJsonDepth < 8) {
            throw new IllegalArgumentException("max-json-depth must be at least 8");
        }
    }
}
