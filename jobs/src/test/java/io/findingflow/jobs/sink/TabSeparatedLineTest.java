package io.findingflow.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TabSeparatedLineTest {

    /** ClickHouse's escaping, one byte at a time. */
    private static byte[] reference(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : value) {
            switch (b) {
                case '\\' -> out.writeBytes(new byte[] {'\\', '\\'});
                case '\t' -> out.writeBytes(new byte[] {'\\', 't'});
                case '\n' -> out.writeBytes(new byte[] {'\\', 'n'});
                case '\r' -> out.writeBytes(new byte[] {'\\', 'r'});
                case 0 -> out.writeBytes(new byte[] {'\\', '0'});
                case '\b' -> out.writeBytes(new byte[] {'\\', 'b'});
                case '\f' -> out.writeBytes(new byte[] {'\\', 'f'});
                default -> out.write(b);
            }
        }
        return out.toByteArray();
    }

    @Test
    void shouldEscapeAnyBytesAsClickHouseDoes() {
        Random random = new Random(8);
        byte[] special = {'\\', '\t', '\n', '\r', 0, '\b', '\f', 1, 0x1f, 0x7f, (byte) 0xc3, (byte) 0xa9, 'a', '"'};
        for (int round = 0; round < 2_000; round++) {
            byte[] value = new byte[random.nextInt(300)];
            for (int i = 0; i < value.length; i++) {
                value[i] = random.nextBoolean() ? special[random.nextInt(special.length)] : (byte) random.nextInt(256);
            }
            byte[] line = new TabSeparatedLine(random.nextInt(40)).utf8(value).toBytes();
            assertThat(line).as("round %d", round).isEqualTo(reference(value));
            String text = new String(value, StandardCharsets.UTF_8);
            assertThat(new TabSeparatedLine(8).text(text).toBytes()).as("round %d as text", round)
                    .isEqualTo(reference(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void shouldSeparateValuesWithTabsAndWriteNullAsBackslashN() {
        byte[] line = new TabSeparatedLine(4).number(0).number(-12).number(1L << 40).bit(true).bit(false)
                .text(null).utf8(null).text("plain").text("").toBytes();
        assertThat(new String(line, StandardCharsets.UTF_8))
                .isEqualTo("0\t-12\t1099511627776\t1\t0\t\\N\t\\N\tplain\t");
    }
}
