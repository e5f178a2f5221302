package io.findingflow.api.observability;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;

/**
 * The API's Prometheus metrics, in one registry per process: request rates and latencies by route,
 * import durations and sizes, and the pipeline's Kafka lag (refreshed at scrape time).
 */
public final class ApiMetrics {

    private final CollectorRegistry registry = new CollectorRegistry();

    final Counter requests = Counter.build("findingflow_http_requests_total", "HTTP requests by route and status")
            .labelNames("method", "route", "status").register(registry);
    final Histogram latency = Histogram.build("findingflow_http_request_duration_seconds", "HTTP request latency")
            .labelNames("method", "route")
            .buckets(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120)
            .register(registry);
    private final Histogram importDuration = Histogram.build("findingflow_import_duration_seconds",
                    "import-scan / reimport-scan from upload to applied")
            .labelNames("type").buckets(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300).register(registry);
    private final Counter importedFindings = Counter.build("findingflow_imported_findings_total",
            "findings received in imports").labelNames("type").register(registry);
    final Gauge kafkaLag = Gauge.build("findingflow_kafka_consumer_lag",
            "records the Flink jobs have not yet committed, by consumer group and topic")
            .labelNames("group", "topic").register(registry);

    public CollectorRegistry registry() {
        return registry;
    }

    /** Records one finished import. */
    public void imported(boolean reimport, int findings, double seconds) {
        String type = reimport ? "reimport" : "import";
        importDuration.labels(type).observe(seconds);
        importedFindings.labels(type).inc(findings);
    }
}
