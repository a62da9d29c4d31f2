package io.switchboard.catalog.source;

import java.util.List;

/**
 * The catalog file cannot be used. Each problem reads {@code <file>: <path>: <what is wrong>}, for example
 * {@code catalog.yaml: endpoints[3].pricing.prompt: must not be negative}, one per line.
 */
public final class CatalogFileException extends RuntimeException {

    private final List<String> problems;

    CatalogFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
