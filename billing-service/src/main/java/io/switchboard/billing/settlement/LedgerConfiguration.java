package io.switchboard.billing.settlement;

import io.switchboard.ledger.CreditLedger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    CreditLedger creditLedger(ReactiveStringRedisTemplate redis, LedgerProperties properties) {
        return new CreditLedger(redis, properties.settledMarkerTtl());
    }
}
