package io.findingflow.api.imports;

import io.findingflow.api.entities.Entity;

/** Where an import lands; {@code test} is null for import-scan until its new test is created. */
public record ImportTarget(Entity productType, Entity product, Entity engagement, Entity test) {
    public ImportTarget withTest(Entity newTest) {
        return new ImportTarget(productType, product, engagement, newTest);
    }
}
