package io.findingflow.api.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.IntNode;
import io.findingflow.schemas.ImportEvent;
import io.findingflow.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The finding-events record of one import's finding, made by putting the finding's JSON bytes (as
 * spooled) inside the record's frame: the same bytes as Jackson writing
 * {@code ImportEvent.finding(importId, productId, tree of the finding)}, without reading each
 * finding into a tree and writing it again. The frame itself is written by Jackson, once per import.
 */
final class FindingRecordFrame {

    /** The frame is cut where this placeholder finding was written. */
    private static final byte[] PLACEHOLDER_END = ":0}".getBytes(StandardCharsets.UTF_8);

    private final byte[] prefix;

    FindingRecordFrame(String importId, long productId) {
        byte[] whole;
        try {
            whole = Json.mapper().writeValueAsBytes(ImportEvent.finding(importId, productId, IntNode.valueOf(0)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int cut = whole.length - PLACEHOLDER_END.length;
        if (cut < 0 || !Arrays.equals(whole, cut, whole.length, PLACEHOLDER_END, 0, PLACEHOLDER_END.length)) {
            // ImportEvent must end with its finding (edit and header are absent on "finding" records)
            throw new IllegalStateException("unexpected finding record layout: " + new String(whole, StandardCharsets.UTF_8));
        }
        prefix = Arrays.copyOf(whole, cut + 1); // up to and including the ':'
    }

    /** The record for one finding's JSON object. */
    byte[] around(byte[] finding) {
        byte[] record = Arrays.copyOf(prefix, prefix.length + finding.length + 1);
        System.arraycopy(finding, 0, record, prefix.length, finding.length);
        record[record.length - 1] = '}';
        return record;
    }
}
