package io.findingflow.parsers.bench;

import com.fasterxml.jackson.core.JsonParser;
import io.findingflow.schemas.Json;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

/** Format-level reads the parsers are measured against: tokens or events only, no findings. */
final class Baselines {

    private Baselines() {}

    /** Every token of a JSON document through Jackson's streaming parser. */
    static final ReportGenerator.Baseline JACKSON_TOKENS = new ReportGenerator.Baseline() {
        @Override
        public String name() {
            return "jackson";
        }

        @Override
        public long walk(InputStream in) throws Exception {
            long tokens = 0;
            try (JsonParser parser = Json.mapper().createParser(in)) {
                while (parser.nextToken() != null) {
                    tokens++;
                }
            }
            return tokens;
        }
    };

    /** Every StAX event of an XML document (for XML generators such as ZAP or Nessus). */
    static final ReportGenerator.Baseline STAX_EVENTS = new ReportGenerator.Baseline() {
        @Override
        public String name() {
            return "stax";
        }

        @Override
        public long walk(InputStream in) throws Exception {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            long events = 0;
            while (reader.hasNext()) {
                reader.next();
                events++;
            }
            reader.close();
            return events;
        }
    };
}
