package io.switchboard.helm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Just enough of a Kubernetes API server for Helm's {@code lookup} of Secrets, so the chart's "generate once, keep on
 * upgrade" secrets can be rendered and tested without a cluster: a Secret not {@link #putSecret put} is 404, as on a
 * first install.
 *
 * <p>helm-java renders templates with a Kubernetes client configured from {@code KUBECONFIG}, which its Go runtime
 * reads from the process's initial environment: the build sets it to a file (see pom.xml), and this server writes its
 * own address there when it starts, before any Helm call ({@link Chart} touches it first).
 */
final class FakeKubernetesApi {

    private static final Pattern SECRET = Pattern.compile("/api/v1/namespaces/([^/]+)/secrets/([^/?]+)");
    private static final FakeKubernetesApi INSTANCE = start();

    private final Map<String, Map<String, String>> secrets = new ConcurrentHashMap<>();

    private FakeKubernetesApi() {
    }

    static FakeKubernetesApi instance() {
        return INSTANCE;
    }

    /** Makes a Secret exist, as after an earlier install. */
    void putSecret(String namespace, String name, Map<String, String> data) {
        secrets.put(namespace + "/" + name, Map.copyOf(data));
    }

    void removeSecret(String namespace, String name) {
        secrets.remove(namespace + "/" + name);
    }

    private static FakeKubernetesApi start() {
        FakeKubernetesApi api = new FakeKubernetesApi();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", api::handle);
            server.setExecutor(null);
            server.start();
            String configured = System.getenv("KUBECONFIG");
            if (configured == null || configured.isBlank()) {
                throw new IllegalStateException("KUBECONFIG must name a file for the fake Kubernetes API to write "
                        + "(the build sets it; set it in your IDE's run configuration too)");
            }
            Path kubeconfig = Path.of(configured);
            Files.createDirectories(kubeconfig.toAbsolutePath().getParent());
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters:
                      - name: fake
                        cluster:
                          server: http://127.0.0.1:%d
                    contexts:
                      - name: fake
                        context:
                          cluster: fake
                          user: fake
                    current-context: fake
                    users:
                      - name: fake
                        user: {}
                    """.formatted(server.getAddress().getPort()));
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Matcher secret = SECRET.matcher(path);
        if (path.equals("/api")) {
            respond(exchange, 200, """
                    {"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[]}""");
        } else if (path.equals("/apis")) {
            respond(exchange, 200, """
                    {"kind":"APIGroupList","apiVersion":"v1","groups":[]}""");
        } else if (path.equals("/api/v1")) {
            respond(exchange, 200, """
                    {"kind":"APIResourceList","groupVersion":"v1","resources":[{"name":"secrets",\
                    "singularName":"secret","namespaced":true,"kind":"Secret","verbs":["get","list"]}]}""");
        } else if (secret.matches() && exchange.getRequestMethod().equals("GET")) {
            Map<String, String> data = secrets.get(secret.group(1) + "/" + secret.group(2));
            if (data == null) {
                respond(exchange, 404, """
                        {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404,\
                        "message":"secrets \\"%s\\" not found"}""".formatted(secret.group(2)));
            } else {
                String encoded = data.entrySet()
                        .stream()
                        .map(e -> "\"%s\":\"%s\"".formatted(e.getKey(), Base64.getEncoder()
                                .encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8))))
                        .collect(Collectors.joining(","));
                respond(exchange, 200, """
                        {"kind":"Secret","apiVersion":"v1","metadata":{"name":"%s","namespace":"%s"},"type":"Opaque",\
                        "data":{%s}}""".formatted(secret.group(2), secret.group(1), encoded));
            }
        } else {
            respond(exchange, 404, """
                    {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
