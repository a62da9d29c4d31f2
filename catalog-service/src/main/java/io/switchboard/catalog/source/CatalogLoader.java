package io.switchboard.catalog.source;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Provider;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the catalog YAML into a validated, versioned {@link CatalogSnapshot}. Runs once at start-up, off the event
 * loop; any problem fails start-up with a {@link CatalogFileException} naming the exact path of each bad field.
 */
public final class CatalogLoader {

    // Typo protection: unknown and repeated fields are errors rather than silently ignored. Booleans and numbers left
    // out read as false and 0 (Jackson 3 would refuse them): flags are optional, and a missing count fails validation.
    private final YAMLMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * @param resource the catalog file
     * @param baseUrlOverride template replacing every provider's {@code base_url}, with {@code {provider}} standing for
     *        the slug; null to keep the file's URLs
     */
    public CatalogSnapshot load(Resource resource, @Nullable String baseUrlOverride) {
        CatalogFile file = loadFile(resource, baseUrlOverride);
        return CatalogVersion.snapshot(file.providers(), file.models(), file.endpoints());
    }

    /**
     * The validated content of the file, with the override applied: the baseline the operator's edits are laid over.
     * Its lists are never null.
     */
    public CatalogFile loadFile(Resource resource, @Nullable String baseUrlOverride) {
        if (baseUrlOverride != null && !BaseUrlOverride.isValidTemplate(baseUrlOverride)) {
            throw new IllegalArgumentException("Not a base URL template with " + BaseUrlOverride.PLACEHOLDER + ": "
                    + baseUrlOverride);
        }
        String name = resource.getFilename() != null ? resource.getFilename() : resource.getDescription();
        CatalogFile file = read(name, resource);
        List<String> problems = CatalogValidator.problems(file);
        if (!problems.isEmpty()) {
            throw new CatalogFileException(problems.stream().map(problem -> name + ": " + problem).toList());
        }
        List<Provider> providers = baseUrlOverride == null
                ? file.providers()
                : BaseUrlOverride.apply(baseUrlOverride, file.providers());
        return new CatalogFile(providers, file.models(), file.endpoints());
    }

    private CatalogFile read(String name, Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            CatalogFile file = yaml.readValue(in, CatalogFile.class);
            if (file == null) {
                throw new CatalogFileException(List.of(name + ": is empty"));
            }
            return file;
        } catch (FileNotFoundException e) {
            throw new CatalogFileException(List.of(name + ": not found (" + resource.getDescription() + ")"));
        } catch (IOException e) {
            throw new CatalogFileException(List.of(name + ": cannot be read: " + e.getMessage()));
        } catch (JacksonException e) {
            throw new CatalogFileException(List.of(name + ": " + YamlProblem.describe(e)));
        }
    }
}
