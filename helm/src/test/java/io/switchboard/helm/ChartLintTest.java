package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** helm lint --strict of the chart, with its own values and with every test values file. */
class ChartLintTest {

    static Stream<Path> valuesFiles() {
        return Chart.ciValuesFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void shouldPassStrictLintWithTheTestValues(Path valuesFile) {
        assertPassesStrictLint(Chart.lint(valuesFile));
    }

    @org.junit.jupiter.api.Test
    void shouldPassStrictLintWithItsOwnValues() {
        assertPassesStrictLint(Chart.lint(null));
    }

    private static void assertPassesStrictLint(LintResult result) {
        List<String> problems = result.getMessages()
                .stream()
                .filter(message -> message.contains("[WARNING]") || message.contains("[ERROR]"))
                .toList();
        assertThat(problems).isEmpty();
        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
    }
}
