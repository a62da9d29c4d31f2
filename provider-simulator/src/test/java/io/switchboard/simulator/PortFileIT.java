package io.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The local-stack launcher starts the simulator on port 0 and reads the bound port from this file. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PortFileIT {

    private static final Path PORT_FILE = tempDirectory().resolve("provider-simulator.port");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void portFile(DynamicPropertyRegistry registry) {
        registry.add("switchboard.port-file", PORT_FILE::toString);
    }

    @Test
    void shouldWriteTheBoundPortToThePortFile() throws IOException {
        assertThat(Files.readString(PORT_FILE).trim()).isEqualTo(Integer.toString(port));
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("provider-simulator");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
