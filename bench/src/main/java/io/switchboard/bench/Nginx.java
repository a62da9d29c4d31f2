package io.switchboard.bench;

import io.switchboard.testsupport.infra.ChildProcess;
import io.switchboard.testsupport.infra.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Baseline (b): nginx as a plain reverse proxy to the simulator, the floor of any proxy. Unbuffered ({@code
 * proxy_buffering off}, as a streaming gateway must be), HTTP/1.1 with keep-alive connections to the upstream, one
 * worker per core ({@code worker_processes auto}: the best nginx can do here, so ratios against it are strict).
 */
final class Nginx implements AutoCloseable {

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Nginx start(URI simulator, Path workDir, int maxConnections) {
        int port = FreePorts.next();
        Path dir = workDir.resolve("nginx");
        try {
            Files.createDirectories(dir.resolve("logs"));
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, """
                    worker_processes auto;
                    worker_rlimit_nofile %d;
                    pid %s/nginx.pid;
                    error_log %s/logs/error.log warn;
                    events {
                        worker_connections %d;
                        multi_accept on;
                    }
                    http {
                        access_log off;
                        client_body_temp_path %s/client_body;
                        proxy_temp_path %s/proxy;
                        fastcgi_temp_path %s/fastcgi;
                        uwsgi_temp_path %s/uwsgi;
                        scgi_temp_path %s/scgi;
                        keepalive_requests 1000000;
                        keepalive_timeout 300s;
                        upstream simulator {
                            server %s:%d;
                            keepalive 1024;
                            keepalive_requests 1000000;
                        }
                        server {
                            listen 127.0.0.1:%d backlog=4096;
                            location / {
                                proxy_pass http://simulator;
                                proxy_http_version 1.1;
                                proxy_set_header Connection "";
                                proxy_buffering off;
                                proxy_request_buffering off;
                                proxy_read_timeout 3600s;
                            }
                        }
                    }
                    """.formatted(maxConnections * 2 + 1024, dir, dir, maxConnections * 2 + 512, dir, dir, dir, dir,
                    dir, simulator.getHost(), simulator.getPort(), port));
            Process process = ChildProcess.start(List.of(executable(), "-c", conf.toString(), "-p", dir.toString(),
                    "-g", "daemon off;"), dir.resolve("logs/nginx.out"));
            FreePorts.awaitOpen(port, process, Duration.ofSeconds(30), "nginx");
            return new Nginx(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String executable() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "nginx";
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
