/** The OpenAI chat-completions wire format and every OpenAI-compatible provider. */
@NullMarked
package io.switchboard.routing.provider.openai;

import org.jspecify.annotations.NullMarked;
