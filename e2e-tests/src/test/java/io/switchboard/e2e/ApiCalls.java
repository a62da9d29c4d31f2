package io.switchboard.e2e;

import io.switchboard.localstack.LocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls of the public API through a cluster's gateway with a key, as a tenant's plain HTTP client makes them. */
final class ApiCalls {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ApiCalls() {
    }

    /** {@code method path} under {@code /api/v1} with {@code key}; a JSON {@code body}, or none when null. */
    static HttpRequest request(LocalStack stack, String method, String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request.build();
    }

    static HttpResponse<String> call(LocalStack stack, String method, String path, String key, String body)
            throws Exception {
        return HTTP.send(request(stack, method, path, key, body), HttpResponse.BodyHandlers.ofString());
    }

    static HttpClient client() {
        return HTTP;
    }
}
