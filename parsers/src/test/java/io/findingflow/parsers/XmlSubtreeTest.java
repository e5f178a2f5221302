package io.findingflow.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class XmlSubtreeTest {

    @Test
    void shouldReadTextAsElementTreeDoes() throws Exception {
        XmlSubtree root = read("<r a=\"1\">one<!-- split -->two<?pi x?>three<b>bee</b>tail<c/><d></d><e> </e></r>");

        assertThat(root.text()).isEqualTo("onetwothree");
        assertThat(root.attr("a")).isEqualTo("1");
        assertThat(root.child("b").text()).isEqualTo("bee");
        assertThat(root.child("c").text()).isNull();
        assertThat(root.findText("d")).isEmpty();
        assertThat(root.findText("e")).isEqualTo(" ");
        assertThat(root.find("b")).isSameAs(root.child("b"));
        assertThat(root.find("missing")).isNull();
        assertThat(root.child("b").attr("a")).isNull();
    }

    private static XmlSubtree read(String xml) throws Exception {
        XMLStreamReader reader = SafeXml.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        XmlSubtree.toRoot(reader);
        return XmlSubtree.read(reader);
    }
}
