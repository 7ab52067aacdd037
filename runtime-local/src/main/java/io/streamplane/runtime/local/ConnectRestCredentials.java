package io.streamplane.runtime.local;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The one user a connector's workers let into their REST API, with a password made for that
 * connector alone, so that no other local user, and no other connector's workers, can read its
 * configuration (which holds its secrets) or change it. Kafka Connect's
 * {@code BasicAuthSecurityRestExtension} checks it against {@value #USERS_FILE} through the JAAS
 * file {@value #JAAS_FILE}; both are owner-only, under the connector's directory.
 */
final class ConnectRestCredentials {
    static final String EXTENSION = "org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension";
    private static final String USER = "streamplane";
    private static final String USERS_FILE = "rest-users.properties";
    private static final String JAAS_FILE = "rest-jaas.conf";
    private final Path jaasFile;
    private final String authorization;

    private ConnectRestCredentials(Path jaasFile, String password) {
        this.jaasFile = jaasFile;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The connector's credentials, made the first time its first worker starts. */
    static ConnectRestCredentials loadOrCreate(Path connectorDirectory) {
        Path users = connectorDirectory.resolve(USERS_FILE);
        Path jaas = connectorDirectory.resolve(JAAS_FILE);
        try {
            if (!Files.exists(users)) {
                byte[] secret = new byte[24];
                new SecureRandom().nextBytes(secret);
                Files.createDirectories(connectorDirectory);
                SecurityDirectory.writeOwnerOnly(users, PropertiesText.line(USER, HexFormat.of().formatHex(secret)));
            }
            if (!Files.exists(jaas)) {
                SecurityDirectory.writeOwnerOnly(jaas, "KafkaConnect {\n"
                        + "  org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule required\n"
                        + "  file=\"" + users.toAbsolutePath() + "\";\n};\n");
            }
            var properties = new Properties();
            properties.load(new StringReader(Files.readString(users)));
            return new ConnectRestCredentials(jaas, properties.getProperty(USER));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the REST credentials of connector " + connectorDirectory, e);
        }
    }

    /** Where the worker JVM reads its JAAS configuration ({@code java.security.auth.login.config}). */
    Path jaasFile() {
        return jaasFile;
    }

    /** The {@code Authorization} header value the server sends the connector's workers. */
    String authorization() {
        return authorization;
    }
}
