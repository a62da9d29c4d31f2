/**
 * A fake LLM provider speaking the real wire formats over real HTTP, for tests, the local stack and benchmarks. Format
 * packages ({@code .openai}) parse requests into a format-neutral {@code .reply} plan, which {@code .generation} plays
 * back with the configured timing.
 */
@NullMarked
package io.switchboard.simulator;

import org.jspecify.annotations.NullMarked;
