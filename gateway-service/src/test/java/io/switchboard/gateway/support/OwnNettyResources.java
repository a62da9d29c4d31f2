package io.switchboard.gateway.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * For a gateway started beside the test's own (a second replica): Reactor Netty resources of its own, so closing it
 * does not dispose the global event loops everything else in the JVM runs on.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OwnNettyResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
