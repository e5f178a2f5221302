package io.findingflow.api.clickhouse;

/** ClickHouse could not answer; mapped to 503, never to a 500 with a trace. */
public class ClickHouseUnavailableException extends RuntimeException {
    public ClickHouseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
