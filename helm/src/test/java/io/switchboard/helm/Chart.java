package io.switchboard.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The switchboard chart of this repository, rendered and linted with helm-java (Helm's own Go code, no CLI). */
final class Chart {

    /** The chart's folder; tests run in the module folder, {@code helm/}. */
    static final Path DIR = Path.of("switchboard").toAbsolutePath();
    static final String RELEASE = "sb";
    static final String NAMESPACE = "switchboard";
    /** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion). */
    static final String KUBE_VERSION = "1.30.0";

    static {
        // Before helm-java loads its native library (see FakeKubernetesApi).
        FakeKubernetesApi.instance();
    }

    private Chart() {
    }

    /** The chart's test values files, {@code ci/*.yaml}. */
    static List<Path> ciValuesFiles() {
        try (Stream<Path> files = Files.list(DIR.resolve("ci"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path ci(String name) {
        return DIR.resolve("ci").resolve(name);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, Manifests> RENDERED = new ConcurrentHashMap<>();

    /** Renders with a values file and strictly parses every manifest (once per values file). */
    static Manifests render(Path valuesFile) {
        return RENDERED.computeIfAbsent(valuesFile, file -> render(RELEASE, file, Map.of()));
    }

    /** Renders with a values file and {@code --set} values, and strictly parses every manifest. */
    static Manifests render(String release, Path valuesFile, Map<String, Object> set) {
        return new Manifests(new StrictKubernetesParser().parseAll(template(release, valuesFile, set)));
    }

    /** The rendered YAML, as {@code helm template}; Helm's error (schema, {@code fail}) is thrown as is. */
    static String template(String release, Path valuesFile, Map<String, Object> set) {
        TemplateCommand template = new Helm(DIR).template()
                .withName(release)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            template.withValuesFile(valuesFile);
        }
        set.forEach(template::set);
        return template.call();
    }

    /** The release notes (NOTES.txt) a client-only {@code helm install --dry-run} prints. */
    static String notes(Path valuesFile, Map<String, Object> set) {
        InstallCommand install = new Helm(DIR).install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .dryRun()
                .withDryRunOption(DryRun.CLIENT)
                .clientOnly()
                .withValuesFile(valuesFile);
        set.forEach(install::set);
        String output = install.call().getOutput();
        return output.substring(output.indexOf("NOTES:"));
    }

    /**
     * {@code helm lint --strict} of the chart with a values file. helm-java's lint takes no values, so the chart is
     * copied with the values file merged into its values.yaml.
     */
    static LintResult lint(Path valuesFile) {
        try {
            Path copy = Files.createTempDirectory("switchboard-chart-lint").resolve("switchboard");
            try (Stream<Path> files = Files.walk(DIR)) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(DIR.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            if (valuesFile != null) {
                Map<String, Object> merged = merge(readYaml(DIR.resolve("values.yaml")), readYaml(valuesFile));
                // As JSON (which is YAML): a YAML writer would leave strings such as "off" unquoted, which Helm's
                // YAML 1.1 reader takes for booleans.
                Files.writeString(copy.resolve("values.yaml"), JSON.writeValueAsString(merged));
            }
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readYaml(Path file) {
        try {
            Object loaded = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
            return loaded == null ? Map.of() : (Map<String, Object>) loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's merge of values: maps merge key by key, anything else is replaced. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && merged.get(key) instanceof Map<?, ?> existing) {
                merged.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) map));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
