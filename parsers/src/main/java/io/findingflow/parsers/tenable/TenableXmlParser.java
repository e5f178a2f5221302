package io.findingflow.parsers.tenable;

import io.findingflow.parsers.Cvss3Vector;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.SafeXml;
import io.findingflow.parsers.XmlSubtree;
import io.findingflow.schemas.EndpointCleaner;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The {@code .nessus} export. Hosts are streamed one at a time; findings are merged across hosts on
 * severity + plugin name (each occurrence adds its endpoint, first CVE and plugin output), so they
 * are emitted once the document has been read.
 */
final class TenableXmlParser {

    private static final String FORMAT = "Nessus XML";

    /** hyperlink's SCHEME_PORT_MAP keys: the service names DefectDojo keeps as the protocol. */
    private static final Set<String> KNOWN_SCHEMES = Set.of(
            "acap", "afp", "dict", "dns", "file", "ftp", "git", "gopher", "http", "https", "imap",
            "ipp", "ipps", "irc", "ircs", "ldap", "ldaps", "mms", "msrp", "msrps", "mtqp", "nfs",
            "nntp", "nntps", "pop", "prospero", "redis", "rsync", "rtsp", "rtsps", "rtspu", "sftp",
            "smb", "snmp", "ssh", "steam", "svn", "telnet", "ventrilo", "vnc", "wais", "ws", "wss",
            "xmpp");

    private TenableXmlParser() {}

    static void parse(InputStream in, FindingSink out) throws ParseException {
        XMLStreamReader reader = SafeXml.open(in);
        Map<String, MergedFinding> findings = new LinkedHashMap<>();
        try {
            if (!XmlSubtree.toRoot(reader)) {
                throw new ParseException("Invalid Nessus XML report: the document has no root element");
            }
            if (!reader.getLocalName().contains("NessusClientData_v2")) {
                throw new ParseException("Unsupported Nessus report: the root element is <"
                        + reader.getLocalName() + ">, expected NessusClientData_v2 (export as .nessus v2)");
            }
            readHosts(reader, findings);
        } catch (XMLStreamException e) {
            throw SafeXml.error(FORMAT, e);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid Nessus XML report at line "
                    + reader.getLocation().getLineNumber() + ": unexpected structure (" + e + ")", e);
        }
        MergedFinding.emitAll(findings, out);
    }

    private static void readHosts(XMLStreamReader reader, Map<String, MergedFinding> findings)
            throws XMLStreamException {
        int depth = 1;
        int reports = 0;
        Host host = null;
        int hostDepth = -1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                if (host != null && name.equals("HostProperties")) {
                    host.properties(XmlSubtree.read(reader));
                    continue;
                }
                if (host != null && name.equals("ReportItem")) {
                    host.items.add(XmlSubtree.read(reader));
                    continue;
                }
                depth++;
                if (name.equals("Report")) {
                    reports++;
                } else if (name.equals("ReportHost") && reports > 0 && host == null) {
                    host = new Host(reader.getAttributeValue(null, "name"));
                    hostDepth = depth;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (host != null && depth == hostDepth) {
                    for (XmlSubtree item : host.items) {
                        TenableXmlItem.merge(item, host.ip, host.fqdn, findings);
                    }
                    host = null;
                }
                if (reader.getLocalName().equals("Report")) {
                    reports--;
                }
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", reader.getLocation());
            }
        }
    }

    /** Endpoint protocol: the service name, "www" read as http, unknown services fall back to tcp/udp. */
    static String protocol(XmlSubtree item) {
        String service = item.attr("svc_name");
        if (service == null || service.isEmpty()) {
            return "";
        }
        String protocol = service.replaceAll("[^A-Za-z0-9\\-+]+", "");
        if (protocol.equals("www")) {
            protocol = "http";
        }
        if (!KNOWN_SCHEMES.contains(protocol)) {
            String transport = item.attr("protocol");
            protocol = (transport == null ? protocol : transport).replaceAll("[^A-Za-z0-9\\-+]+", "");
        }
        return protocol;
    }

    static String cleanVector(String text) {
        // DefectDojo prefixes CVSS:3.0/ unless the text has it; a 3.1 vector keeps its own prefix
        String vector = text.contains("CVSS:3.0/") || text.startsWith("CVSS:3.") ? text : "CVSS:3.0/" + text;
        Cvss3Vector parsed = Cvss3Vector.parseOrNull(vector);
        return parsed == null ? null : parsed.cleanVector();
    }

    static io.findingflow.schemas.Endpoint endpoint(String protocol, String host, Integer port, String fqdn) {
        if (fqdn != null && fqdn.contains("://")) {
            return EndpointCleaner.fromUrl(fqdn);
        }
        if (protocol.equals("general")) {
            return EndpointCleaner.of("", host, null, "", "", "");
        }
        return EndpointCleaner.of(protocol, host, port, "", "", "");
    }

    /** One ReportHost: its name, its host-fqdn property and its items, processed at its end tag. */
    private static final class Host {
        final String ip;
        String fqdn;
        boolean fqdnSeen;
        final List<XmlSubtree> items = new ArrayList<>();

        Host(String ip) {
            this.ip = ip;
        }

        void properties(XmlSubtree properties) {
            if (fqdnSeen) {
                return;
            }
            for (XmlSubtree tag : properties.children("tag")) {
                if ("host-fqdn".equals(tag.attr("name"))) {
                    fqdnSeen = true;
                    fqdn = TenableXmlItem.text(tag);
                    return;
                }
            }
        }
    }
}
