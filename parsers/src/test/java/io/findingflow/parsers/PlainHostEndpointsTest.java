package io.findingflow.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.EndpointCleaner;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainHostEndpointsTest {

    @Test
    void shouldTakeOnlyHostsIdnaLeavesAsTheyAre() {
        assertThat(PlainHostEndpoints.isPlainHost("10.0.0.1")).isTrue();
        assertThat(PlainHostEndpoints.isPlainHost("Web-01.Example.com")).isTrue();
        assertThat(PlainHostEndpoints.isPlainHost("a".repeat(63) + ".b")).isTrue();
        assertThat(PlainHostEndpoints.isPlainHost("a".repeat(64) + ".b")).isFalse();
        assertThat(PlainHostEndpoints.isPlainHost("a..b")).isFalse();
        assertThat(PlainHostEndpoints.isPlainHost("a.b.")).isFalse();
        assertThat(PlainHostEndpoints.isPlainHost(".a")).isFalse();
        assertThat(PlainHostEndpoints.isPlainHost("")).isFalse();
        assertThat(PlainHostEndpoints.isPlainHost("b\u00fccher.de")).isFalse();
        assertThat(PlainHostEndpoints.isPlainHost("a_b")).isFalse();
    }

    @Test
    void shouldCleanAsEndpointCleanerDoes() {
        Random random = new Random(7);
        String[] pieces = {"a", "Z", "0", "9", "-", ".", "..", "_", " ", "\t", "\u00e9", "B\u00fccher", "\u3002", "\uff0e",
            "xn--", "x".repeat(62), "y".repeat(64), ":", "/", "localhost", "10.0.0.1", "["};
        String[] protocols = {"tcp", "TCP", " udp ", "", "https", "HTTP", "ssh", " ", "\u00e9"};
        Integer[] ports = {null, 0, 22, 443, 65535};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder host = new StringBuilder();
            int length = random.nextInt(6);
            for (int j = 0; j < length; j++) {
                host.append(pieces[random.nextInt(pieces.length)]);
            }
            String protocol = random.nextInt(20) == 0 ? null : protocols[random.nextInt(protocols.length)];
            Integer port = ports[random.nextInt(ports.length)];
            Endpoint expected = EndpointCleaner.of(protocol, host.toString(), port, "", "", "");
            assertThat(PlainHostEndpoints.of(protocol, host.toString(), port))
                    .as("%s %s %s", protocol, host, port).isEqualTo(expected);
        }
    }
}
