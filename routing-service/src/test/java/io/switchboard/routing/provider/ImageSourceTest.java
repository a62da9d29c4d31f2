package io.switchboard.routing.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageSourceTest {

    @Test
    void shouldReadABase64DataUrlAsInlineData() {
        assertThat(ImageSource.of("data:image/png;base64,iVBORw0KGgo=", "f"))
                .isEqualTo(new ImageSource.Inline("image/png", "iVBORw0KGgo="));
    }

    @Test
    void shouldLeaveAnHttpsUrlForTheProviderToFetch() {
        assertThat(ImageSource.of("https://example.com/cat.png", "f"))
                .isEqualTo(new ImageSource.Remote("https://example.com/cat.png"));
    }

    @Test
    void shouldRefuseADataUrlWithoutBase64AsTheRequestsFault() {
        assertThatThrownBy(() -> ImageSource.of("data:image/png,rawbytes", "messages[0].content[1].image_url.url"))
                .isInstanceOfSatisfying(ProviderException.class, failure -> {
                    assertThat(failure.status()).isEqualTo(400);
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).startsWith("messages[0].content[1].image_url.url: ");
                });
        assertThatThrownBy(() -> ImageSource.of("data:image/png;base64,not base64!", "f"))
                .isInstanceOf(ProviderException.class);
    }
}
