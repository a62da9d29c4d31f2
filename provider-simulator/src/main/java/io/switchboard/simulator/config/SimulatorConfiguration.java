package io.switchboard.simulator.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.simulator.generation.GenerationMonitor;
import io.switchboard.simulator.generation.Generator;
import io.switchboard.simulator.reply.IdGenerator;
import io.switchboard.simulator.reply.ReplyPlanner;
import io.switchboard.simulator.reply.TokenCounter;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The format-neutral beans every wire format uses. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatorProperties.class)
public class SimulatorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdGenerator idGenerator() {
        return IdGenerator.random();
    }

    @Bean
    TokenCounter tokenCounter() {
        return TokenCounter.cl100kBase();
    }

    @Bean
    ReplyPlanner replyPlanner(SimulatorProperties properties, TokenCounter tokenCounter) {
        return new ReplyPlanner(properties.toDefaults(), tokenCounter);
    }

    @Bean
    GenerationMonitor generationMonitor(MeterRegistry registry) {
        return new GenerationMonitor(registry);
    }

    @Bean
    Generator generator(GenerationMonitor monitor) {
        return new Generator(monitor);
    }

    /**
     * Writes the bound port to the file named by {@code switchboard.port-file}, so the local-stack launcher can start
     * the simulator on port 0 and find it. The simulator is not a Switchboard service (no service-kit), so it
     * registers the writer itself.
     */
    @Bean
    @ConditionalOnProperty("switchboard.port-file")
    WebServerPortFileWriter portFileWriter(Environment environment) {
        return new WebServerPortFileWriter(environment.getRequiredProperty("switchboard.port-file"));
    }
}
