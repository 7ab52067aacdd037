package io.streamplane.runtime.local;

import io.streamplane.core.security.InternalCredentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Keeps the internal credentials of this installation in {@code <data-dir>/security/}, readable by
 * its owner only. They are made on first start and kept: nodes that outlive the server, and nodes
 * restarted later, must go on accepting the control plane.
 */
public final class InternalCredentialsFile {
    private static final String FILE_NAME = "internal-password";

    private InternalCredentialsFile() {
    }

    public static InternalCredentials loadOrCreate(Path dataDir) {
        Path file = SecurityDirectory.create(dataDir).resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[24];
                new SecureRandom().nextBytes(secret);
                SecurityDirectory.writeOwnerOnly(file, HexFormat.of().formatHex(secret));
            }
            return new InternalCredentials(InternalCredentials.USERNAME, Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the internal credentials in " + file, e);
        }
    }
}
