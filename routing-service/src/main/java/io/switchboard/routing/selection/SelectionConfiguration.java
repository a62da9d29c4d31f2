package io.switchboard.routing.selection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SelectionConfiguration {

    /** Tests replace it with a fixed draw ({@code @Primary}) to make load balancing deterministic. */
    @Bean
    RandomSource randomSource() {
        return RandomSource.THREAD_LOCAL;
    }
}
