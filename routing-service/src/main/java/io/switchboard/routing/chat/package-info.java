/** OpenRouter's chat API records, which are also the wire format of OpenAI-compatible providers. */
@NullMarked
package io.switchboard.routing.chat;

import org.jspecify.annotations.NullMarked;
