package io.streamplane.testkit;

import java.util.HashMap;
import java.util.Map;

/** Kafka client properties for the secured listeners, as a user of MSK would write them. */
public final class ClientSecurity {
    private ClientSecurity() {
    }

    /** TLS that trusts only the installation's CA (PEM, KIP-651), and verifies broker host names. */
    public static Map<String, Object> tls(String bootstrap, String caPem) {
        return new HashMap<>(Map.of(
                "bootstrap.servers", bootstrap,
                "security.protocol", "SSL",
                "request.timeout.ms", 10_000,
                "default.api.timeout.ms", 20_000,
                "ssl.truststore.type", "PEM",
                "ssl.truststore.certificates", caPem));
    }

    /** SASL/SCRAM-SHA-512 over TLS, MSK's port 9096. */
    public static Map<String, Object> scram(String bootstrap, String caPem, String user, String password) {
        var config = tls(bootstrap, caPem);
        config.put("security.protocol", "SASL_SSL");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", scramJaas(user, password));
        return config;
    }

    /** TLS with a client certificate: the key (PKCS#8 PEM) and the certificate chain (PEM). */
    public static Map<String, Object> mutualTls(String bootstrap, String caPem, String keyPem, String chainPem) {
        var config = tls(bootstrap, caPem);
        config.put("ssl.keystore.type", "PEM");
        config.put("ssl.keystore.key", keyPem);
        config.put("ssl.keystore.certificate.chain", chainPem);
        return config;
    }

    public static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
