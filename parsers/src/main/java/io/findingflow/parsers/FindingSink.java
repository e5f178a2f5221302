package io.findingflow.parsers;

import io.findingflow.schemas.Finding;

/** Where a parser hands each finding as soon as it is complete, so large reports never sit in memory. */
@FunctionalInterface
public interface FindingSink {
    void accept(Finding finding);
}
