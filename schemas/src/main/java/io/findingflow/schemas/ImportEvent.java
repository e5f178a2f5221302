package io.findingflow.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One record of the finding-events topic. An import is {@code begin}, its {@code finding}s, then
 * {@code end}, all in one Kafka transaction and one partition (key = product id), so consumers
 * reading committed records see an import whole or not at all.
 *
 * @param type "begin", "finding", "end" or "update" (a single finding edit)
 * @param importId unique per import call (a UUID chosen by the API)
 * @param header the import's target and options; on "begin" only
 * @param finding the parsed finding (DefectDojo field names, hash_code set); on "finding" only
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportEvent(
        String type, String importId, long productId, ImportHeader header, JsonNode finding, FindingEdit edit) {

    public static final String BEGIN = "begin";
    public static final String FINDING = "finding";
    public static final String END = "end";
    public static final String UPDATE = "update";

    public static ImportEvent begin(ImportHeader header) {
        return new ImportEvent(BEGIN, header.importId(), header.productId(), header, null, null);
    }

    public static ImportEvent finding(String importId, long productId, JsonNode finding) {
        return new ImportEvent(FINDING, importId, productId, null, finding, null);
    }

    public static ImportEvent end(String importId, long productId) {
        return new ImportEvent(END, importId, productId, null, null, null);
    }

    public static ImportEvent update(String requestId, long productId, FindingEdit edit) {
        return new ImportEvent(UPDATE, requestId, productId, null, null, edit);
    }
}
