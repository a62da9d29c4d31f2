/**
 * Anthropic's Messages API (https://docs.anthropic.com/en/api/messages): the request mapping, the response and the
 * event stream (https://docs.anthropic.com/en/api/messages-streaming), as typed records private to this package.
 */
@NullMarked
package io.switchboard.routing.provider.anthropic;

import org.jspecify.annotations.NullMarked;
