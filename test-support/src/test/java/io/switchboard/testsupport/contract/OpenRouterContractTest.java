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
    void shouldValidateAnInlineResponseSchemaOfAnOperation() {
        OpenRouterContract.assertResponseConforms("/credits", "get", 200,
                "{\"data\":{\"total_credits\":100.5,\"total_usage\":25.75}}");

        assertThatThrownBy(() -> OpenRouterContract.assertResponseConforms("/credits", "get", 200,
                "{\"data\":{\"total_credits\":\"100.5\"}}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("total_usage");
    }
}
