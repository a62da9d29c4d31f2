package io.switchboard.routing.streaming;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How streamed completions are written ({@code switchboard.routing.streaming.*}).
 *
 * @param keepAliveInterval while no chunk has arrived yet, a {@code : OPENROUTER PROCESSING} comment is sent after
 *        this long and then at this interval. The first comment commits the {@code 200} response: a request that
 *        fails on every endpoint within this time still gets a proper HTTP error status; one that fails later gets an
 *        error event in the stream, as OpenRouter reports it.
 */
@ConfigurationProperties("switchboard.routing.streaming")
public record StreamingProperties(@DefaultValue("3s") Duration keepAliveInterval) {

    public StreamingProperties {
        if (keepAliveInterval.isNegative() || keepAliveInterval.isZero()) {
            throw new IllegalArgumentException(
                    "switchboard.routing.streaming.keep-alive-interval must be positive, was "
                            + keepAliveInterval);
        }
    }
}
