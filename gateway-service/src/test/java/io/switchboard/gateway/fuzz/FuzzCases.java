package io.switchboard.gateway.fuzz;

import io.switchboard.gateway.support.TestCatalog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic (seeded) hostile requests: broken and hostile JSON, huge and deeply nested bodies, bad UTF-8, spoofed
 * internal headers, unknown and ill-typed parameters, odd methods, paths and headers, against every kind of endpoint.
 */
final class FuzzCases {

    private static final String CHAT = "/api/v1/chat/completions";
    private static final String VALID_CHAT = "{\"model\":\"" + TestCatalog.CHEAP + "\",\"max_tokens\":5,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    private static final String[] PATHS = {CHAT, "/api/v1/models", "/api/v1/models/count", "/api/v1/providers",
            "/api/v1/generation?id=gen-1", "/api/v1/credits", "/api/v1/activity", "/api/v1/key", "/api/v1/keys",
            "/api/v1/admin/tenants", "/api/v1/admin/credits", "/api/v1/admin/catalog/models"};
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE",
            "FOO", "PROPFIND"};

    private final Random random = new Random(20261126L);
    private final String userKey;
    private final String managerKey;
    private final String operatorKey;
    private final List<FuzzCase> cases = new ArrayList<>();

    FuzzCases(String userKey, String managerKey, String operatorKey) {
        this.userKey = userKey;
        this.managerKey = managerKey;
        this.operatorKey = operatorKey;
    }

    List<FuzzCase> all() {
        brokenJson(300);
        deepNesting(40);
        hugeBodies();
        badUtf8(100);
        spoofedHeaders(100);
        unknownAndIllTypedParameters(150);
        oddMethods(120);
        oddPaths(160);
        oddHeaders(100);
        keysApiBodies(100);
        operatorApiBodies(40);
        return List.copyOf(cases);
    }

    private void brokenJson(int count) {
        byte[] valid = VALID_CHAT.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < count; i++) {
            byte[] body = switch (i % 5) {
                case 0 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
                case 1 -> insert(valid, (byte) "{}[]\",:\\0x\n".charAt(random.nextInt(11)));
                case 2 -> delete(valid);
                case 3 -> randomBytes(1 + random.nextInt(200));
                default -> ("{\"model\":\"" + TestCatalog.CHEAP + "\",\"model\":\"x\"}").getBytes(
                        StandardCharsets.UTF_8);
            };
            chat("broken-json", body);
        }
    }

    private void deepNesting(int count) {
        for (int i = 0; i < count; i++) {
            int depth = 50 + random.nextInt(i < count / 2 ? 500 : 100_000);
            String open = i % 2 == 0 ? "[" : "{\"a\":";
            String close = i % 2 == 0 ? "]" : "}";
            String nested = open.repeat(depth) + "1" + close.repeat(depth);
            chat("deep-nesting", ("{\"model\":\"" + TestCatalog.CHEAP + "\",\"messages\":[],\"x\":" + nested + "}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private void hugeBodies() {
        byte[] overLimit = new byte[10 * 1024 * 1024 + 10];
        java.util.Arrays.fill(overLimit, (byte) '[');
        chat("huge-body", overLimit);
        byte[] bigValid = ("{\"model\":\"" + TestCatalog.CHEAP + "\",\"max_tokens\":1,\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        chat("huge-body", bigValid);
        byte[] longString = ("{\"model\":\"" + "m".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        chat("huge-body", longString);
        add("huge-body", "POST", "/api/v1/keys", auth(managerKey, json()), overLimit);
    }

    private void badUtf8(int count) {
        byte[][] invalid = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
                {(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0xBC}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xC0, (byte) 0xAF}};
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("{\"model\":\"" + TestCatalog.CHEAP + "\",\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"hi").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(invalid[i % invalid.length]);
            body.writeBytes("\"}]}".getBytes(StandardCharsets.UTF_8));
            String path = i % 4 == 0 ? "/api/v1/keys" : CHAT;
            add("bad-utf8", "POST", path, auth(i % 4 == 0 ? managerKey : userKey, json()), body.toByteArray());
        }
    }

    private void spoofedHeaders(int count) {
        String[] internal = {"X-Switchboard-Tenant", "X-Switchboard-Key", "X-Switchboard-Request-Id",
                "X-Switchboard-Role", "X-Switchboard-Issued-At", "X-Switchboard-Signature", "x-switchboard-tenant",
                "X-SWITCHBOARD-ROLE", "X-Switchboard-Anything", "X-Request-Id"};
        for (int i = 0; i < count; i++) {
            Map<String, String> headers = auth(userKey, json());
            for (int n = 0; n <= random.nextInt(4); n++) {
                headers.put(internal[random.nextInt(internal.length)], "spoofed-" + (i % 3 == 0 ? "OPERATOR" : i));
            }
            if (i % 2 == 0) {
                add("spoofed-headers", "POST", CHAT, headers, VALID_CHAT.getBytes(StandardCharsets.UTF_8));
            } else {
                add("spoofed-headers", "GET", PATHS[1 + random.nextInt(6)], headers, null);
            }
        }
    }

    private void unknownAndIllTypedParameters(int count) {
        String[] fields = {"\"max_tokens\":-1", "\"max_tokens\":\"ten\"", "\"max_tokens\":1e30", "\"n\":0",
                "\"n\":100000", "\"n\":1.5", "\"model\":123", "\"model\":[\"a\"]", "\"models\":{\"a\":1}",
                "\"models\":[1,2]", "\"messages\":\"hi\"", "\"messages\":[{\"content\":[1,{\"type\":\"file\"}]}]",
                "\"max_completion_tokens\":99999999999999999999", "\"temperature\":\"hot\"", "\"provider\":[]",
                "\"stream\":\"yes\"", "\"model\":null", "\"model\":\"test/off\"", "\"model\":\"nobody/none:free\""};
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder("{\"model\":\"").append(TestCatalog.CHEAP)
                    .append("\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]");
            if (i % 3 == 0) {
                body.append(",\"unknown_").append(i).append("\":").append(randomJsonValue(3));
            } else {
                body.append(',').append(fields[random.nextInt(fields.length)]);
            }
            body.append('}');
            String text = body.toString();
            // Two fields with one name are a duplicate; keep such cases, they must be refused cleanly too.
            chat("parameters", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void oddMethods(int count) {
        for (int i = 0; i < count; i++) {
            String method = METHODS[random.nextInt(METHODS.length)];
            String path = PATHS[random.nextInt(PATHS.length)];
            String key = path.contains("/admin/") ? operatorKey : path.contains("/keys") ? managerKey : userKey;
            byte[] body = method.equals("GET") || method.equals("HEAD") || random.nextBoolean()
                    ? null
                    : "{}".getBytes(StandardCharsets.UTF_8);
            add("odd-method", method, path, auth(key, body == null ? new LinkedHashMap<>() : json()), body);
        }
    }

    private void oddPaths(int count) {
        String[] paths = {"/", "/api", "/api/", "/api/v1", "/api/v1/", "/api/v2/models", "//api/v1/models",
                "/api/v1//models", "/api/v1/../v1/models", "/api/v1/%2e%2e/v1/models", "/api/v1/models%2F..%2Fkeys",
                "/API/V1/MODELS", "/api/v1/keys/", "/api/v1/keys/notahash", "/api/v1/keys/" + "a".repeat(64),
                "/api/v1/keys/%00", "/api/v1/keys/%ff%fe", "/api/v1/admin", "/api/v1/admin/", "/api/v1/admin/x",
                "/api/v1/admin/tenants/UPPER", "/api/v1/admin/tenants/nope/keys", "/api/v1/chat/completions/",
                "/api/v1/chat/completions;jsessionid=1", "/api/v1/models?offset=-1&offset=abc",
                "/api/v1/keys?offset=-5", "/api/v1/keys?offset=abc", "/api/v1/keys?include_disabled=maybe",
                "/api/v1/keys?offset=99999999999999999999999", "/%E2%9C%93", "/api/v1/%F0%9F%98%80",
                "/actuator/health", "/internal/v1/catalog", "/api/v1/generation?id=" + "x".repeat(1500),
                "/api/v1/key?" + "a=b&".repeat(300), "/api/v1/" + "deep/".repeat(300)};
        for (int i = 0; i < count; i++) {
            String path = paths[i % paths.length];
            String key = path.contains("/admin") ? operatorKey : path.contains("/keys") ? managerKey : userKey;
            add("odd-path", i % 5 == 0 ? "POST" : "GET", path, auth(key, i % 5 == 0
                    ? json()
                    : new LinkedHashMap<>()), i % 5 == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : null);
        }
    }

    private void oddHeaders(int count) {
        String[] authorizations = {"", "Bearer", "Bearer ", "bearer " + userKey, "Basic dXNlcjpwYXNz", "Token x",
                "Bearer sk-sb-v1-" + "x".repeat(300), "Bearer sk-or-v1-abcdefabcdefabcdef", "Bearer " + userKey + " x",
                "Bearer\t" + userKey, "Bearer sk-sb-v1-ÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿ"};
        String[] contentTypes = {"text/plain", "application/xml", "application/json; charset=latin1",
                "application/json; charset=utf-16", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded",
                "application/vnd.api+json", "*/*", "application/json;;", "garbage", "application/json; charset=UTF-8"};
        for (int i = 0; i < count; i++) {
            Map<String, String> headers = new LinkedHashMap<>();
            if (i % 2 == 0) {
                headers.put("Authorization", authorizations[random.nextInt(authorizations.length)]);
                headers.put("Content-Type", "application/json");
            } else {
                headers.put("Authorization", "Bearer " + userKey);
                headers.put("Content-Type", contentTypes[random.nextInt(contentTypes.length)]);
            }
            if (i % 7 == 0) {
                headers.put("Accept", "application/xml");
            }
            if (i % 11 == 0) {
                headers.put("X-Long", "v".repeat(4000));
            }
            if (i % 13 == 0) {
                headers.put("HTTP-Referer", "javascript:alert(1)");
                headers.put("X-Title", "<script>ÿ</script>");
            }
            add("odd-headers", "POST", CHAT, headers, VALID_CHAT.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void keysApiBodies(int count) {
        String[] bodies = {"{}", "[]", "null", "\"name\"", "{\"name\":null}", "{\"name\":123}", "{\"name\":\"\"}",
                "{\"name\":\"x\",\"limit\":\"1\"}", "{\"name\":\"x\",\"limit\":-0.5}",
                "{\"name\":\"x\",\"limit\":1e400}",
                "{\"name\":\"x\",\"limit_reset\":7}", "{\"name\":\"x\",\"expires_at\":\"2020-13-45\"}",
                "{\"name\":\"x\",\"rate_limits\":[]}", "{\"name\":\"x\",\"rate_limits\":{\"tokens_per_minute\":1e99}}",
                "{\"name\":\"x\",\"allowed_models\":\"all\"}", "{\"name\":\"x\",\"allowed_models\":[null]}",
                "{\"name\":\"" + "n".repeat(500) + "\"}", "{\"name\":\"a\\u0000b\"}", "{\"disabled\":\"yes\"}",
                "{\"name\":\"ok\",\"unknown\":{\"deep\":[1,2,3]}}"};
        for (int i = 0; i < count; i++) {
            String body = bodies[random.nextInt(bodies.length)];
            if (i % 2 == 0) {
                add("keys-api", "POST", "/api/v1/keys", auth(managerKey, json()), body.getBytes(
                        StandardCharsets.UTF_8));
            } else {
                add("keys-api", "PATCH", "/api/v1/keys/" + "0".repeat(64), auth(managerKey, json()), body.getBytes(
                        StandardCharsets.UTF_8));
            }
        }
    }

    private void operatorApiBodies(int count) {
        String[] bodies = {"{}", "{\"id\":\"\"}", "{\"id\":\"A\"}", "{\"id\":\"_x\"}", "{\"id\":[1]}",
                "{\"id\":\"ok-tenant\",\"name\":7}", "[]", "{\"id\":\"" + "t".repeat(80) + "\"}"};
        for (int i = 0; i < count; i++) {
            add("operator-api", "POST", "/api/v1/admin/tenants", auth(operatorKey, json()),
                    bodies[i % bodies.length].getBytes(StandardCharsets.UTF_8));
        }
    }

    private void chat(String kind, byte[] body) {
        add(kind, "POST", CHAT, auth(userKey, json()), body);
    }

    private void add(String kind, String method, String path, Map<String, String> headers, byte[] body) {
        cases.add(new FuzzCase(kind, method, path, headers, body));
    }

    private static Map<String, String> auth(String key, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", "Bearer " + key);
        return all;
    }

    private static Map<String, String> json() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return headers;
    }

    private String randomJsonValue(int depth) {
        return switch (random.nextInt(depth <= 0 ? 4 : 6)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> "\"" + "s".repeat(random.nextInt(20)) + "\"";
            case 2 -> random.nextBoolean() ? "true" : "null";
            case 3 -> "1.5e" + random.nextInt(400);
            case 4 -> "[" + randomJsonValue(depth - 1) + "," + randomJsonValue(depth - 1) + "]";
            default -> "{\"k\":" + randomJsonValue(depth - 1) + "}";
        };
    }

    private byte[] insert(byte[] bytes, byte value) {
        int at = random.nextInt(bytes.length);
        byte[] result = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, result, 0, at);
        result[at] = value;
        System.arraycopy(bytes, at, result, at + 1, bytes.length - at);
        return result;
    }

    private byte[] delete(byte[] bytes) {
        int at = random.nextInt(bytes.length);
        byte[] result = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(bytes, at + 1, result, at, bytes.length - at - 1);
        return result;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
