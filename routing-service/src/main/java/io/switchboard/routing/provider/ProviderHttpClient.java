package io.switchboard.routing.provider;

import io.netty.channel.ChannelOption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** One pooled, non-blocking HTTP client shared by every provider adapter. */
@Configuration(proxyBeanMethods = false)
class ProviderHttpClient {

    @Bean
    WebClient providerWebClient(WebClient.Builder builder, ProviderHttpProperties properties) {
        ConnectionProvider pool = ConnectionProvider.builder("providers")
                .maxConnections(properties.maxConnections())
                .pendingAcquireMaxCount(-1)
                .build();
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.readIdleTimeout())
                .compress(false);
        return builder.clone()
                .clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .build();
    }
}
