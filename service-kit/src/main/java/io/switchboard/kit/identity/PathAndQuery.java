package io.switchboard.kit.identity;

import java.net.URI;

/** The part of a request URI an {@link IdentityProof} covers: the raw path plus the raw query, as sent. */
public final class PathAndQuery {

    private PathAndQuery() {
    }

    public static String of(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
