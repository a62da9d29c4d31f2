package io.switchboard.kit;

import io.micrometer.tracing.propagation.Propagator;
import io.switchboard.kit.error.OpenRouterErrorHandler;
import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.IdentityVerificationFilter;
import io.switchboard.kit.identity.InternalIdentityProperties;
import io.switchboard.kit.ids.RandomIds;
import io.switchboard.kit.tracing.BackgroundRedisSpans;
import io.switchboard.kit.tracing.TraceHeaders;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** What every Switchboard service gets from service-kit. */
@AutoConfiguration
@EnableConfigurationProperties(InternalIdentityProperties.class)
public class KitAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    RandomIds randomIds() {
        return new RandomIds();
    }

    /** Money goes out as plain decimals ({@code 0.0000138}, not {@code 1.38E-5}): exact and readable everywhere. */
    @Bean
    JsonMapperBuilderCustomizer plainBigDecimals() {
        return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    @Bean
    OpenRouterErrorHandler openRouterErrorHandler(JsonMapper mapper) {
        return new OpenRouterErrorHandler(mapper);
    }

    @Bean
    IdentityProof identityProof(InternalIdentityProperties properties, Clock clock) {
        return new IdentityProof(properties.requireSecret(), clock, properties.maxClockSkew());
    }

    @Bean
    @ConditionalOnProperty(name = "switchboard.internal.verify-inbound", matchIfMissing = true)
    IdentityVerificationFilter identityVerificationFilter(IdentityProof proof, InternalIdentityProperties properties) {
        return new IdentityVerificationFilter(proof, properties.protectedPaths());
    }

    @Bean
    @ConditionalOnMissingBean
    TraceHeaders traceHeaders(Propagator propagator) {
        return new TraceHeaders(propagator);
    }

    @Bean
    BackgroundRedisSpans backgroundRedisSpans() {
        return new BackgroundRedisSpans();
    }

    /**
     * Writes the bound HTTP port (and the management port, to a {@code -management} sibling) to the file named by
     * {@code switchboard.port-file}, so a launcher that started the service on port 0 can find it.
     */
    @Bean
    @ConditionalOnProperty("switchboard.port-file")
    WebServerPortFileWriter portFileWriter(Environment environment) {
        return new WebServerPortFileWriter(environment.getRequiredProperty("switchboard.port-file"));
    }
}
