package io.streamplane.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertiesTextTest {
    @Test
    void escapedValues_readBackExactly_asKafkaLoadsThem() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\nMIIB\\x+/=\n-----END CERTIFICATE-----\n";
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"a\" password=\"b\";";
        String text = PropertiesText.line("pem", pem) + PropertiesText.line("jaas", jaas)
                + PropertiesText.line("blank", "  two leading blanks\tand a tab");

        var props = new Properties();
        props.load(new StringReader(text));

        assertThat(props.getProperty("pem")).isEqualTo(pem);
        assertThat(props.getProperty("jaas")).isEqualTo(jaas);
        assertThat(props.getProperty("blank")).isEqualTo("  two leading blanks\tand a tab");
    }

    @Test
    void escapedKeys_readBackExactly_andNeverStartAnotherProperty() throws Exception {
        String hostile = "offset.flush.interval.ms\nbootstrap.servers";
        String text = PropertiesText.line(hostile, "elsewhere:9092") + PropertiesText.line("a=b:c d#e!f", "v")
                + PropertiesText.line("bootstrap.servers", "127.1.1.1:9092");

        var props = new Properties();
        props.load(new StringReader(text));

        assertThat(props).hasSize(3);
        assertThat(props.getProperty(hostile)).isEqualTo("elsewhere:9092");
        assertThat(props.getProperty("a=b:c d#e!f")).isEqualTo("v");
        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("127.1.1.1:9092");
    }
}
