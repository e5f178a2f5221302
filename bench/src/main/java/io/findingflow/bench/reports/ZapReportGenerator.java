package io.findingflow.bench.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A traditional ZAP XML report ({@code OWASPZAPReport}, ZAP 2.14): one site, one {@code alertitem}
 * per finding with HTML descriptions, one to three instances each. ZAP deduplicates on title, CWE
 * and severity, so the alert name carries the finding's number (as a custom script alert would).
 */
final class ZapReportGenerator implements ReportGenerator {

    private record Alert(String name, int pluginId, int cwe, int wasc, String desc, String solution, String reference) {}

    private static final Alert[] ALERTS = {
        new Alert("Content Security Policy (CSP) Header Not Set", 10038, 693, 15,
                "<p>Content Security Policy (CSP) is an added layer of security that helps to detect and mitigate "
                        + "certain types of attacks, including Cross Site Scripting (XSS) and data injection attacks.</p>",
                "<p>Ensure that your web server, application server, load balancer, etc. is configured to set the "
                        + "Content-Security-Policy header.</p>",
                "<p>https://developer.mozilla.org/en-US/docs/Web/Security/CSP/Introducing_Content_Security_Policy</p>"),
        new Alert("Cross Site Scripting (Reflected)", 40012, 79, 8,
                "<p>Cross-site Scripting (XSS) is an attack technique that involves echoing attacker-supplied code "
                        + "into a user's browser instance.</p><p>A browser instance can be a standard web browser "
                        + "client, or a browser object embedded in a software product.</p>",
                "<p>Phase: Architecture and Design</p><p>Use a vetted library or framework that does not allow this "
                        + "weakness to occur or provides constructs that make this weakness easier to avoid.</p>",
                "<p>https://owasp.org/www-community/attacks/xss/</p><p>https://cwe.mitre.org/data/definitions/79.html</p>"),
        new Alert("SQL Injection", 40018, 89, 19,
                "<p>SQL injection may be possible.</p>",
                "<p>Do not trust client side input, even if there is client side validation in place.</p>"
                        + "<p>In general, type check all data on the server side.</p>",
                "<p>https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html</p>"),
        new Alert("Cookie without SameSite Attribute", 10054, 1275, 13,
                "<p>A cookie has been set without the SameSite attribute, which means that the cookie can be sent "
                        + "as a result of a 'cross-site' request.</p>",
                "<p>Ensure that the SameSite attribute is set to either 'lax' or ideally 'strict' for all cookies.</p>",
                "<p>https://tools.ietf.org/html/draft-ietf-httpbis-cookie-same-site</p>"),
        new Alert("Server Leaks Version Information via \"Server\" HTTP Response Header Field", 10036, 200, 13,
                "<p>The web/application server is leaking version information via the \"Server\" HTTP response "
                        + "header.</p>",
                "<p>Ensure that your web server, application server, load balancer, etc. is configured to suppress "
                        + "the \"Server\" header or provide generic details.</p>",
                "<p>http://httpd.apache.org/docs/current/mod/core.html#servertokens</p>"),
    };
    /** ZAP's risk codes: 0 informational … 3 high. */
    private static final String[] RISKS = {"Informational", "Low", "Medium", "High"};

    @Override
    public String scanType() {
        return "ZAP Scan";
    }

    @Override
    public String name() {
        return "zap";
    }

    @Override
    public String fileName() {
        return "zap.xml";
    }

    @Override
    public Baseline baseline() {
        return JacksonBaselines.XML;
    }

    @Override
    public long write(OutputStream out, int first, int count) throws IOException {
        Writer xml = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        xml.write("<?xml version=\"1.0\"?>\n<OWASPZAPReport programName=\"ZAP\" version=\"2.14.0\" "
                + "generated=\"Mon, 1 Jan 2024 10:00:00\">\n");
        xml.write("<site name=\"https://app.example.com\" host=\"app.example.com\" port=\"443\" ssl=\"true\">\n<alerts>\n");
        for (int i = first; i < first + count; i++) {
            writeAlert(xml, i);
        }
        xml.write("</alerts>\n</site>\n</OWASPZAPReport>\n");
        xml.flush();
        return count;
    }

    private static void writeAlert(Writer xml, int i) throws IOException {
        Alert alert = ALERTS[i % ALERTS.length];
        int risk = i % RISKS.length;
        xml.write("<alertitem>\n");
        element(xml, "pluginid", String.valueOf(alert.pluginId()));
        element(xml, "alertRef", alert.pluginId() + "-" + (1 + i % 3));
        element(xml, "alert", alert.name() + " #" + i);
        element(xml, "name", alert.name() + " #" + i);
        element(xml, "riskcode", String.valueOf(risk));
        element(xml, "confidence", String.valueOf(1 + i % 3));
        element(xml, "riskdesc", RISKS[risk] + " (Medium)");
        element(xml, "confidencedesc", "Medium");
        element(xml, "desc", alert.desc());
        xml.write("<instances>\n");
        for (int instance = 0; instance <= i % 3; instance++) {
            xml.write("<instance>\n");
            element(xml, "uri", "https://app.example.com/app/section-" + (i % 97) + "/page-" + instance
                    + "?id=" + i);
            element(xml, "method", instance % 2 == 0 ? "GET" : "POST");
            element(xml, "param", instance == 0 ? "" : "q");
            element(xml, "attack", instance == 0 ? "" : "<script>alert(1);</script>");
            element(xml, "evidence", instance == 0 ? "" : "<script>alert(1);</script>");
            element(xml, "otherinfo", "");
            xml.write("</instance>\n");
        }
        xml.write("</instances>\n");
        element(xml, "count", String.valueOf(1 + i % 3));
        element(xml, "solution", alert.solution());
        element(xml, "otherinfo", "");
        element(xml, "reference", alert.reference());
        element(xml, "cweid", String.valueOf(alert.cwe()));
        element(xml, "wascid", String.valueOf(alert.wasc()));
        element(xml, "sourceid", String.valueOf(1 + i % 40));
        xml.write("</alertitem>\n");
    }

    private static void element(Writer xml, String name, String text) throws IOException {
        xml.write('<');
        xml.write(name);
        xml.write('>');
        escape(xml, text);
        xml.write("</");
        xml.write(name);
        xml.write(">\n");
    }

    private static void escape(Writer xml, String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> xml.write("&lt;");
                case '>' -> xml.write("&gt;");
                case '&' -> xml.write("&amp;");
                case '"' -> xml.write("&quot;");
                default -> xml.write(c);
            }
        }
    }
}
