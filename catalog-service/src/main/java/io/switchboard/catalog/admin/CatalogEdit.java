package io.switchboard.catalog.admin;

import io.switchboard.catalog.source.EntityRef;
import tools.jackson.databind.node.ObjectNode;

/** What an operator asks to change about one catalog entry. */
sealed interface CatalogEdit {

    EntityRef ref();

    /** The audit log's name for it. */
    String action();

    /** Adds an entry the catalog does not have; {@code entry} is all of it, in the catalog's JSON form. */
    record Create(EntityRef ref, ObjectNode entry) implements CatalogEdit {

        @Override
        public String action() {
            return "create";
        }
    }

    /** Changes the fields {@code patch} (a JSON Merge Patch) names. */
    record Update(EntityRef ref, ObjectNode patch) implements CatalogEdit {

        @Override
        public String action() {
            return "update";
        }
    }

    /** Stops (or resumes) routing to the entry without removing it. */
    record SetDisabled(EntityRef ref, boolean disabled) implements CatalogEdit {

        @Override
        public String action() {
            return disabled ? "disable" : "enable";
        }
    }

    /** Drops every edit of the entry: it is the file's again, or gone if only edits made it. */
    record Revert(EntityRef ref) implements CatalogEdit {

        @Override
        public String action() {
            return "revert";
        }
    }
}
