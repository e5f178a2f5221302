package io.findingflow.api.custommetrics;

import io.findingflow.api.auth.Caller;
import io.findingflow.api.custommetrics.MetricValueQueries.BucketRef;
import io.findingflow.api.custommetrics.auth.TcAuthenticator;
import io.findingflow.schemas.custommetrics.MetricPoint;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** {@code /v2/customMetrics/{metric}/data}: post points (204, or their bucket values) and read the series. */
public final class MetricDataController {

    private final TcAuthenticator authenticator;
    private final MetricConfigs configs;
    private final MetricPermissions permissions;
    private final MetricPointProducer producer;
    private final MetricValueWaiter waiter;
    private final MetricValueQueries queries;
    private final Clock clock;

    public MetricDataController(TcAuthenticator authenticator, MetricConfigs configs, MetricPermissions permissions,
            MetricPointProducer producer, MetricValueWaiter waiter, MetricValueQueries queries, Clock clock) {
        this.authenticator = authenticator;
        this.configs = configs;
        this.permissions = permissions;
        this.producer = producer;
        this.waiter = waiter;
        this.queries = queries;
        this.clock = clock;
    }

    public void post(Context ctx) throws InterruptedException {
        Caller caller = authenticator.authenticate(ctx);
        MetricConfig metric = configs.require(ctx.pathParam("metric"));
        permissions.requirePost(caller);
        MetricPointParser.Parsed parsed = MetricPointParser.parse(TcResponses.json(ctx), metric, clock.millis());
        List<Long> offsets = producer.send(parsed.points());
        if (!"true".equalsIgnoreCase(ctx.queryParam("returnValue"))) {
            ctx.status(204);
            return;
        }
        List<Map<String, Object>> answers = bucketValues(metric, parsed.points(), offsets);
        ctx.json(parsed.batch() ? answers : answers.get(0));
    }

    /** Per point {"value","date"}: its bucket's value once it includes every point of this request. */
    private List<Map<String, Object>> bucketValues(MetricConfig metric, List<MetricPoint> points, List<Long> offsets)
            throws InterruptedException {
        List<BucketRef> refs = new ArrayList<>(points.size());
        Map<BucketRef, Long> lastOffset = new HashMap<>();
        for (int i = 0; i < points.size(); i++) {
            MetricPoint point = points.get(i);
            BucketRef ref = new BucketRef(metric.id(), point.key(), metric.interval().bucketStart(point.date()));
            refs.add(ref);
            lastOffset.merge(ref, offsets.get(i), Math::max);
        }
        Map<BucketRef, CompletableFuture<Double>> values = new HashMap<>();
        lastOffset.forEach((ref, offset) -> values.put(ref, waiter.await(ref, offset)));
        List<Map<String, Object>> answers = new ArrayList<>(refs.size());
        for (BucketRef ref : refs) {
            Map<String, Object> answer = new LinkedHashMap<>();
            try {
                answer.put("value", values.get(ref).get());
            } catch (ExecutionException e) {
                throw TcResponses.failure(503, "The data was recorded, but its bucket value was not ready in time");
            }
            answer.put("date", Instant.ofEpochSecond(ref.bucket()).toString());
            answers.add(answer);
        }
        return answers;
    }

    /** The series: buckets overlapping [from, to], optionally of one key, ordered by key and date. */
    public void series(Context ctx) {
        authenticator.authenticate(ctx);
        MetricConfig metric = configs.require(ctx.pathParam("metric"));
        ResultPage page = ResultPage.of(ctx);
        Long from = bound(ctx.queryParam("from"), "from");
        Long to = bound(ctx.queryParam("to"), "to");
        MetricValueQueries.Series series = queries.series(metric.id(), ctx.queryParam("key"),
                from == null ? null : metric.interval().bucketStart(from), to == null ? null : Math.floorDiv(to, 1000),
                page);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MetricValueQueries.SeriesRow row : series.rows()) {
            Map<String, Object> json = new LinkedHashMap<>();
            if (metric.keyedValues()) {
                json.put("name", row.key());
            }
            json.put("date", Instant.ofEpochSecond(row.bucket()).toString());
            json.put("value", row.value());
            json.put("count", row.count());
            rows.add(json);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resultCount", series.total());
        data.put("customMetricValue", rows);
        ctx.json(TcResponses.success(data));
    }

    private static Long bound(String text, String field) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        OptionalLong millis = IsoDates.parse(text);
        if (millis.isEmpty()) {
            throw TcResponses.badRequest(IsoDates.invalid(field, text));
        }
        return millis.getAsLong();
    }
}
