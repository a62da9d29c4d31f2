package io.switchboard.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the provider simulator; see {@code application.yaml} for its port and Actuator exposure. */
@SpringBootApplication
public class ProviderSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProviderSimulatorApplication.class, args);
    }
}
