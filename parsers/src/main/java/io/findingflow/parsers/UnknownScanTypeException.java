package io.findingflow.parsers;

import java.util.Collection;

/** A scan type no registered parser answers to. */
public class UnknownScanTypeException extends RuntimeException {
    private final String scanType;

    public UnknownScanTypeException(String scanType, Collection<String> supported) {
        super("Unknown scan type \"" + scanType + "\". Supported: " + String.join(", ", supported));
        this.scanType = scanType;
    }

    public String scanType() {
        return scanType;
    }
}
