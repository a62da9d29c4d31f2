package io.switchboard.routing;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.switchboard.testsupport.arch.ReactiveRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void mainCodeNeverBlocks() {
        ReactiveRules.NO_BLOCKING_CALLS.check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.switchboard.routing"));
    }
}
