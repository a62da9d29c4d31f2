/**
 * Google's Gemini API ({@code models.generateContent} and {@code models.streamGenerateContent},
 * https://ai.google.dev/api/generate-content): the request mapping, the response and the stream, as typed records
 * private to this package.
 */
@NullMarked
package io.switchboard.routing.provider.gemini;

import org.jspecify.annotations.NullMarked;
