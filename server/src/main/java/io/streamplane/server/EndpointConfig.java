package io.streamplane.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where and how the API is served.
 *
 * @param bindAddress  the address the API listens on
 * @param port         its port; 0 lets the system choose
 * @param metricsPort  the loopback port of the Prometheus page ({@code /metrics}); 0 lets the system choose
 * @param tls          how the API speaks TLS
 * @param insecureHttp whether plain HTTP may be served beyond loopback
 */
public record EndpointConfig(String bindAddress, int port, int metricsPort, Tls tls, boolean insecureHttp) {
    /** How the endpoint speaks TLS: not at all, with a certificate this installation's CA issues, or with files. */
    public sealed interface Tls {
        record None() implements Tls {
        }

        /** A certificate from the installation's CA, made at each start for the addresses served. */
        record FromInstallationCa() implements Tls {
        }

        /** A PEM certificate chain (leaf first) and its PKCS#8 PEM private key. */
        record Files(Path certificateChain, Path privateKey) implements Tls {
        }
    }

    /** Plain HTTP on loopback, as tests and a newcomer's first run use it. */
    public static EndpointConfig loopback(int port, int metricsPort) {
        return new EndpointConfig("127.0.0.1", port, metricsPort, new Tls.None(), false);
    }

    /**
     * The TLS the flags ask for: {@code --tls}, or {@code --tls-cert} with {@code --tls-key}; one of
     * the pair alone, or both ways at once, is refused.
     */
    public static Tls tls(boolean fromInstallationCa, Optional<Path> certificateChain, Optional<Path> privateKey) {
        if (certificateChain.isPresent() != privateKey.isPresent()) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together: give both or neither");
        }
        if (certificateChain.isPresent() && fromInstallationCa) {
            throw new IllegalArgumentException("--tls takes its certificate from the installation's CA; "
                    + "leave it out when giving --tls-cert and --tls-key");
        }
        if (certificateChain.isPresent()) {
            return new Tls.Files(certificateChain.get(), privateKey.get());
        }
        return fromInstallationCa ? new Tls.FromInstallationCa() : new Tls.None();
    }

    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Cannot resolve the bind address " + bindAddress, e);
        }
    }

    /** Plain HTTP beyond loopback would carry signatures and secret values in the clear. */
    void checkSafeToServe() {
        if (!loopbackOnly() && tls instanceof Tls.None && !insecureHttp) {
            throw new IllegalArgumentException("Refusing to serve plain HTTP on " + bindAddress + ": give --tls (a "
                    + "certificate from this installation's CA), or --tls-cert and --tls-key, or --insecure-http");
        }
    }

    public String url(int actualPort) {
        String host = bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
        return (tls instanceof Tls.None ? "http" : "https") + "://" + host + ":" + actualPort;
    }
}
