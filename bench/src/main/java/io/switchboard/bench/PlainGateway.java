package io.switchboard.bench;

import io.switchboard.bench.scg.PlainGatewayApplication;
import io.switchboard.testsupport.infra.ChildProcess;
import io.switchboard.testsupport.infra.FreePorts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Baseline (d): {@link PlainGatewayApplication} in its own JVM with the services' JVM options, one route from every
 * path to the simulator. It runs from the harness's own class path, where Switchboard's service kit also is: its
 * auto-configuration is switched off, so this is Spring Cloud Gateway with Boot's defaults (Actuator included, as in
 * every service) and nothing else.
 */
final class PlainGateway implements AutoCloseable {

    private final Process process;
    private final int port;

    private PlainGateway(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PlainGateway start(URI simulator, List<String> jvmOptions, Path workDir) {
        int port = FreePorts.next();
        String prefix = "--spring.cloud.gateway.server.webflux.routes[0].";
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlainGatewayApplication.class.getName(),
                "--server.port=" + port, "--spring.main.banner-mode=off",
                "--spring.application.name=plain-gateway",
                "--spring.autoconfigure.exclude=io.switchboard.kit.KitAutoConfiguration",
                prefix + "id=simulator", prefix + "uri=" + simulator, prefix + "predicates[0]=Path=/**"));
        Process process = ChildProcess.start(command, workDir.resolve("logs").resolve("plain-gateway.log"));
        FreePorts.awaitOpen(port, process, Duration.ofSeconds(120), "the plain Spring Cloud Gateway");
        return new PlainGateway(process, port);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        ChildProcess.stop(process, Duration.ofSeconds(10));
    }

}
