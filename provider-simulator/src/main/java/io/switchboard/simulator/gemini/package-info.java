/**
 * The simulator's Gemini API ({@code models.generateContent} and {@code models.streamGenerateContent?alt=sse},
 * https://ai.google.dev/api/generate-content).
 */
@NullMarked
package io.switchboard.simulator.gemini;

import org.jspecify.annotations.NullMarked;
