package io.switchboard.routing.provider;

import java.util.Base64;

/**
 * Where an {@code image_url} part's image is, as the Anthropic and Gemini formats need to know: inline base64 data
 * (from a {@code data:} URL, RFC 2397) or a URL the provider fetches.
 */
public sealed interface ImageSource {

    /**
     * @param mediaType for example {@code image/png}
     * @param base64 the image bytes, base64-encoded as the client sent them
     */
    record Inline(String mediaType, String base64) implements ImageSource {
    }

    /** @param url an {@code http(s)} URL */
    record Remote(String url) implements ImageSource {
    }

    /**
     * Reads a part's URL; a {@code data:} URL must carry base64 data with a media type, which is what both formats
     * accept inline. Anything else is refused as the request's fault (400).
     *
     * @param field the request field holding the URL, named in the error
     */
    static ImageSource of(String url, String field) {
        if (!url.startsWith("data:")) {
            return new Remote(url);
        }
        int comma = url.indexOf(',');
        String header = comma < 0 ? "" : url.substring("data:".length(), comma);
        if (comma < 0 || !header.endsWith(";base64") || header.length() == ";base64".length()) {
            throw ProviderException.unsupported(field + ": a data URL must be data:<media type>;base64,<data>");
        }
        String data = url.substring(comma + 1);
        try {
            Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException notBase64) {
            throw ProviderException.unsupported(field + ": the data URL's content is not valid base64");
        }
        return new Inline(header.substring(0, header.length() - ";base64".length()), data);
    }
}
