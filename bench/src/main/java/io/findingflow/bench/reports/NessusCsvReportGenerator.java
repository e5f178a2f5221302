package io.findingflow.bench.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A Nessus CSV export (the columns Nessus Professional writes), imported as "Tenable Scan". The
 * parser merges rows of the same severity, name, host, port and synopsis, so every row here has its
 * own host/plugin pair: one row is one finding. Plugin output names the host, as real output does,
 * which keeps the hash_code (title, severity, CVEs, CWE, description) of each finding its own.
 */
final class NessusCsvReportGenerator implements ReportGenerator {

    private static final String HEADER = "Plugin ID,CVE,CVSS v2.0 Base Score,Risk,Host,Protocol,Port,Name,Synopsis,"
            + "Description,Solution,See Also,Plugin Output,CVSS v3.0 Base Score,CVSS V3 Vector\n";
    private static final String[] RISKS = {"Critical", "High", "Medium", "Low", "None"};
    private static final String[] PLUGINS = {
        "SSL Medium Strength Cipher Suites Supported (SWEET32)",
        "OpenSSH < 9.6 Multiple Vulnerabilities",
        "Apache 2.4.x < 2.4.58 Multiple Vulnerabilities",
        "Debian DSA-5532-1 : openssl - security update",
        "TLS Version 1.0 Protocol Detection",
        "SMB Signing not required",
        "PHP 8.1.x < 8.1.27 Multiple Vulnerabilities",
    };
    private static final int HOSTS_PER_PLUGIN_ROUND = 251;

    @Override
    public String scanType() {
        return "Tenable Scan";
    }

    @Override
    public String name() {
        return "nessus";
    }

    @Override
    public String fileName() {
        return "nessus.csv";
    }

    @Override
    public Baseline baseline() {
        return JacksonBaselines.CSV;
    }

    @Override
    public long write(OutputStream out, int first, int count) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        csv.write(HEADER);
        for (int i = first; i < first + count; i++) {
            writeRow(csv, i);
        }
        csv.flush();
        return count;
    }

    private static void writeRow(Writer csv, int i) throws IOException {
        String plugin = PLUGINS[i % PLUGINS.length] + " (" + (i / HOSTS_PER_PLUGIN_ROUND) + ")";
        String host = "10." + (i % 7) + "." + ((i / 7) % 256) + "." + (1 + i % HOSTS_PER_PLUGIN_ROUND);
        String port = String.valueOf(i % 3 == 0 ? 443 : i % 3 == 1 ? 22 : 0);
        String risk = RISKS[i % RISKS.length];
        csv.write(String.valueOf(10000 + i % 90000));
        csv.write(',');
        csv.write("CVE-20" + (15 + i % 9) + "-" + (20000 + i));
        csv.write(',');
        csv.write(String.valueOf(4 + i % 6) + ".3");
        csv.write(',');
        csv.write(risk);
        csv.write(',');
        csv.write(host);
        csv.write(",tcp,");
        csv.write(port);
        csv.write(',');
        quoted(csv, plugin);
        csv.write(',');
        quoted(csv, "The remote host is affected by multiple vulnerabilities.");
        csv.write(',');
        quoted(csv, "The version of the service installed on the remote host is prior to the fixed release. It is,\n"
                + "therefore, affected by multiple vulnerabilities as referenced in the vendor advisory,\n"
                + "including a \"use-after-free\" in the request parser.");
        csv.write(',');
        quoted(csv, "Upgrade to the latest version, or apply the vendor patch.");
        csv.write(',');
        quoted(csv, "https://www.tenable.com/plugins/nessus/" + (10000 + i % 90000) + "\nhttps://nvd.nist.gov/");
        csv.write(',');
        quoted(csv, "\n  Installed version : 1." + (i % 13) + "\n  Fixed version     : 1." + (i % 13 + 1)
                + "\n  Host              : " + host + "\n");
        csv.write(',');
        csv.write(String.valueOf(5 + i % 5) + ".1");
        csv.write(',');
        csv.write(i % 2 == 0 ? "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" : "");
        csv.write('\n');
    }

    private static void quoted(Writer csv, String text) throws IOException {
        csv.write('"');
        csv.write(text.replace("\"", "\"\""));
        csv.write('"');
    }
}
