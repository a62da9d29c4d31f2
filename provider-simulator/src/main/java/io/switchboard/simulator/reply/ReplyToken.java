package io.switchboard.simulator.reply;

/**
 * One token of a reply as it is played back.
 *
 * @param text the token's text, with its leading whitespace
 * @param kind what the token is part of
 */
public record ReplyToken(String text, TokenKind kind) {
}
