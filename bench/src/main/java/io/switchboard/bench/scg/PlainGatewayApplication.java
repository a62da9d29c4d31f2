package io.switchboard.bench.scg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One Spring Cloud Gateway route, {@code Path=/**} to the simulator, configured entirely by the command line the
 * harness gives it ({@link io.switchboard.bench.PlainGateway}). What a request costs here is the floor of anything
 * built on Spring Cloud Gateway, such as gateway-service.
 */
@SpringBootApplication
public class PlainGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlainGatewayApplication.class, args);
    }
}
