package io.switchboard.catalog.source;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows an invalid catalog file at start-up as the list of its problems, instead of a nest of bean exceptions. */
final class CatalogFileFailureAnalyzer extends AbstractFailureAnalyzer<CatalogFileException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CatalogFileException cause) {
        return new FailureAnalysis("The catalog file is not valid:\n\t" + String.join("\n\t", cause.problems()),
                "Correct the catalog file (switchboard.catalog.file) and start the service again.", cause);
    }
}
