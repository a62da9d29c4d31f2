package io.switchboard.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenRouterContractTest {

    @Test
    void shouldAcceptOpenRoutersOwnErrorExample() {
        assertThat(OpenRouterContract.violations("UnauthorizedResponse",
                "{\"error\":{\"code\":401,\"message\":\"Missing Authentication header\"}}")).isEmpty();
    }

    @Test
    void shouldReportAMissingRequiredField() {
        assertThat(OpenRouterContract.violations("UnauthorizedResponse", "{\"error\":{\"code\":401}}"))
                .anySatisfy(v -> assertThat(v).contains("message"));
    }

    @Test
    void shouldFollowReferencesIntoNestedSchemas() {
        String usageWithWrongType = "{\"id\":\"x\",\"choices\":[],\"created\":1,\"model\":\"m\",\"object\":"
                + "\"chat.completion\",\"system_fingerprint\":null,\"usage\":{\"prompt_tokens\":\"many\","
                + "\"completion_tokens\":1,\"total_tokens\":2}}";

        assertThatThrownBy(() -> OpenRouterContract.assertConforms("ChatResult", usageWithWrongType))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("prompt_tokens");
    }

    @Test
    void shouldValidateAResponseAgainstAnInlineSchemaOfAPath() {
        OpenRouterContract.assertConformsToResponse("/providers", "get", 200,
                "{\"data\":[{\"name\":\"OpenAI\",\"slug\":\"openai\",\"privacy_policy_url\":null}]}");

        assertThatThrownBy(() -> OpenRouterContract.assertConformsToResponse("/providers", "get", 200,
                "{\"data\":[{\"name\":\"OpenAI\",\"slug\":\"openai\"}]}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("privacy_policy_url");
    }

    @Test
    void shouldFollowReferencesFromAResponseSchemaIntoComponents() {
        assertThatThrownBy(() -> OpenRouterContract.assertConformsToResponse("/models/{author}/{slug}/endpoints",
                "get", 200, "{\"data\":{\"id\":\"a/b\"}}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("architecture");
    }

    @Test
    void shouldValidateAnInlineResponseSchemaOfAPath() {
        String deleted = "{\"deleted\":true}";

        assertThat(OpenRouterContract.responseViolations("/keys/{hash}", "delete", 200, deleted)).isEmpty();
        assertThat(OpenRouterContract.responseViolations("/keys/{hash}", "delete", 200, "{\"deleted\":false}"))
                .isNotEmpty();
    }

    @Test
    void shouldReportAMissingFieldOfAnInlineResponseSchema() {
        assertThatThrownBy(() -> OpenRouterContract.assertConformsToResponse("/key", "get", 200, "{\"data\":{}}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("label");
    }
}
