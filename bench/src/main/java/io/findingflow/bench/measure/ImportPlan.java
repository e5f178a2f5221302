package io.findingflow.bench.measure;

import io.findingflow.bench.reports.ReportGenerator;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's data set: {@code productTypes} product types of two products each; every product
 * is scanned once a month by Trivy, ZAP and Nessus for {@code months} months up to the current one
 * (scan_date in that month). A scanner's report of one month re-finds a fifth of the previous
 * month's findings (with deduplication on, those become duplicates), the rest are new.
 *
 * <p>A "stream" is one (product, scanner); its imports must be applied in month order for the
 * duplicate counts to be deterministic, so a stream is always imported by one client, month by
 * month.
 */
public record ImportPlan(String run, List<Import> imports, List<YearMonth> months, int streams, int perImport) {

    public static final int PRODUCTS_PER_TYPE = 2;

    /** One import-scan call. */
    public record Import(int stream, int monthIndex, String productType, String product, String engagement,
            ReportGenerator generator, LocalDate scanDate, int first, int count) {}

    public static ImportPlan of(String run, long findings, int productTypes, int monthCount, LocalDate today) {
        List<ReportGenerator> generators = ReportGenerator.all();
        int streams = productTypes * PRODUCTS_PER_TYPE * generators.size();
        int perImport = (int) Math.max(1, findings / ((long) streams * monthCount));
        int shift = perImport - perImport / 5;
        List<YearMonth> months = new ArrayList<>();
        for (int m = monthCount - 1; m >= 0; m--) {
            months.add(YearMonth.from(today).minusMonths(m));
        }
        List<Import> imports = new ArrayList<>();
        int stream = 0;
        for (int t = 0; t < productTypes; t++) {
            String type = String.format("Bench %s type %02d", run, t + 1);
            for (int p = 0; p < PRODUCTS_PER_TYPE; p++) {
                String product = String.format("Bench %s product %02d-%d", run, t + 1, p + 1);
                for (ReportGenerator generator : generators) {
                    int base = stream * (shift * monthCount + perImport);
                    for (int m = 0; m < monthCount; m++) {
                        YearMonth month = months.get(m);
                        LocalDate scanDate = month.atDay(Math.min(10, month.equals(YearMonth.from(today))
                                ? today.getDayOfMonth() : 10));
                        imports.add(new Import(stream, m, type, product, "Monthly scans " + month, generator,
                                scanDate, base + m * shift, perImport));
                    }
                    stream++;
                }
            }
        }
        return new ImportPlan(run, List.copyOf(imports), List.copyOf(months), streams, perImport);
    }

    public long totalFindings() {
        return imports.stream().mapToLong(Import::count).sum();
    }

    /**
     * Per month, the findings metrics/simple counts (verified, not duplicate) when deduplication is
     * on: a stream's first month counts whole, later months only what the previous one lacked.
     */
    public Map<YearMonth, Long> expectedTotals(boolean deduplication) {
        Map<YearMonth, Long> totals = new LinkedHashMap<>();
        for (Import i : imports) {
            long counted = !deduplication || i.monthIndex() == 0 ? i.count() : i.count() - i.count() / 5;
            totals.merge(months.get(i.monthIndex()), counted, Long::sum);
        }
        return totals;
    }

    /** The imports client {@code client} of {@code clients} runs, in order: its streams, month by month. */
    public List<Import> forClient(int client, int clients) {
        List<Import> mine = new ArrayList<>();
        for (int m = 0; m < months.size(); m++) {
            for (Import i : imports) {
                if (i.monthIndex() == m && i.stream() % clients == client) {
                    mine.add(i);
                }
            }
        }
        return mine;
    }
}
