/**
 * The simulator's Anthropic Messages API (https://docs.anthropic.com/en/api/messages): {@code POST .../v1/messages},
 * a whole Message or its event stream (https://docs.anthropic.com/en/api/messages-streaming).
 */
@NullMarked
package io.switchboard.simulator.anthropic;

import org.jspecify.annotations.NullMarked;
