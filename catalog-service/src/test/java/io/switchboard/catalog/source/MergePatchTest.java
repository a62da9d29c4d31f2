package io.switchboard.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MergePatchTest {

    @Test
    void shouldReplaceGivenFieldsAndKeepTheOthers() {
        assertThat(MergePatch.apply(json("{\"a\":1,\"b\":2}"), json("{\"b\":3,\"c\":4}")))
                .isEqualTo(json("{\"a\":1,\"b\":3,\"c\":4}"));
    }

    @Test
    void shouldMergeObjectsFieldByField() {
        assertThat(MergePatch.apply(json("{\"pricing\":{\"prompt\":1,\"completion\":2}}"),
                json("{\"pricing\":{\"prompt\":5}}"))).isEqualTo(json("{\"pricing\":{\"prompt\":5,\"completion\":2}}"));
    }

    @Test
    void shouldRemoveFieldsSetToNull() {
        assertThat(MergePatch.apply(json("{\"a\":1,\"b\":{\"c\":2,\"d\":3}}"), json("{\"a\":null,\"b\":{\"c\":null}}")))
                .isEqualTo(json("{\"b\":{\"d\":3}}"));
    }

    @Test
    void shouldReplaceArraysWhole() {
        assertThat(MergePatch.apply(json("{\"a\":[1,2,3]}"), json("{\"a\":[4]}"))).isEqualTo(json("{\"a\":[4]}"));
    }

    @Test
    void shouldNotModifyItsArguments() {
        ObjectNode target = json("{\"a\":{\"b\":1}}");
        ObjectNode patch = json("{\"a\":{\"b\":2}}");

        MergePatch.apply(target, patch);

        assertThat(target).isEqualTo(json("{\"a\":{\"b\":1}}"));
        assertThat(patch).isEqualTo(json("{\"a\":{\"b\":2}}"));
    }

    @Test
    void shouldComposeTwoPatchesIntoOneWithTheSameEffect() {
        ObjectNode target = json("{\"a\":1,\"b\":{\"c\":2,\"d\":3},\"e\":5}");
        ObjectNode first = json("{\"a\":10,\"b\":{\"c\":null},\"e\":null}");
        ObjectNode second = json("{\"b\":{\"d\":30},\"f\":6}");

        ObjectNode composed = MergePatch.compose(first, second);

        assertThat(MergePatch.apply(target, composed)).isEqualTo(MergePatch.apply(MergePatch.apply(target, first),
                second));
        assertThat(composed).isEqualTo(json("{\"a\":10,\"b\":{\"c\":null,\"d\":30},\"e\":null,\"f\":6}"));
    }

    @Test
    void shouldKeepALaterValueOverAnEarlierRemoval() {
        ObjectNode composed = MergePatch.compose(json("{\"a\":null}"), json("{\"a\":7}"));

        assertThat(MergePatch.apply(json("{\"a\":1}"), composed)).isEqualTo(json("{\"a\":7}"));
    }

    private static ObjectNode json(String text) {
        JsonNode node = CatalogJson.MAPPER.readTree(text);
        return (ObjectNode) node;
    }
}
