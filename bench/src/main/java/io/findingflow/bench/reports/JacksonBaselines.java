package io.findingflow.bench.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import java.io.IOException;
import java.io.InputStream;

/**
 * The "physical limit" of reading a report: every token of the file through Jackson's streaming
 * parser for its format (jackson-core for JSON, jackson-dataformat-xml over Woodstox for XML,
 * jackson-dataformat-csv for CSV), no objects built, values not even read (for JSON, Jackson then
 * skips decoding strings). A parser can at best match this.
 */
final class JacksonBaselines {

    static final ReportGenerator.Baseline JSON = new TokenWalk("jackson-json", new JsonFactory());
    static final ReportGenerator.Baseline XML = new TokenWalk("jackson-xml", new XmlFactory());
    static final ReportGenerator.Baseline CSV = new TokenWalk("jackson-csv",
            CsvFactory.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build());

    private JacksonBaselines() {}

    private record TokenWalk(String name, JsonFactory factory) implements ReportGenerator.Baseline {
        @Override
        public long walk(InputStream in) throws IOException {
            long tokens = 0;
            try (JsonParser parser = factory.createParser(in)) {
                while (parser.nextToken() != null) {
                    tokens++;
                }
            }
            return tokens;
        }
    }
}
