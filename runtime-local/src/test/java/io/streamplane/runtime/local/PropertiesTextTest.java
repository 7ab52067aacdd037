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
        String text = "pem=" + PropertiesText.escape(pem) + "\njaas=" + PropertiesText.escape(jaas)
                + "\nblank=" + PropertiesText.escape("  two leading blanks\tand a tab") + "\n";

        var props = new Properties();
        props.load(new StringReader(text));

        assertThat(props.getProperty("pem")).isEqualTo(pem);
        assertThat(props.getProperty("jaas")).isEqualTo(jaas);
        assertThat(props.getProperty("blank")).isEqualTo("  two leading blanks\tand a tab");
    }
}
