package io.switchboard.billing;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Opens the shared Lettuce connection when the application starts instead of on the first command. Opening it blocks
 * the calling thread until Redis answers, and the first command may well come from an HTTP request on an event loop.
 * Once open, Lettuce reconnects in the background, so no later command blocks. The price: billing does not start
 * while Redis is unreachable (it could serve nothing without it anyway; it is restarted until Redis answers).
 */
@Configuration(proxyBeanMethods = false)
class EagerRedisConnection {

    @Bean
    static BeanPostProcessor eagerLettuceInitialization() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof LettuceConnectionFactory factory) {
                    factory.setEagerInitialization(true);
                }
                return bean;
            }
        };
    }
}
